// Session and JWT carry the user's id and role.
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string; role: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string;
  }
}
