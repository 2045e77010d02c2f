// Session and JWT carry the user's id and role.
import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    /** Absent when the server-side session has ended (see lib/auth/user-sessions.ts). */
    user?: DefaultSession['user'] & { id: string; role: string };
    /** The UserSession row this cookie belongs to. */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string;
    /** The UserSession row (lib/auth/user-sessions.ts); a token without one is refused. */
    sid?: string;
  }
}
