// Prisma CLI configuration for PostgreSQL, for machines with Prisma's native engines:
// `npx prisma migrate deploy --config prisma.postgresql.config.ts` with DATABASE_URL=postgresql://…
// The schema is prisma/schema.prisma with the provider switched (written by `npm run db:generate`); here
// `npm run db:migrate` applies the same folder through the WebAssembly engine (docs/decisions/007-postgresql.md).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.postgresql.prisma',
  migrations: { path: 'prisma/migrations-postgresql' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
