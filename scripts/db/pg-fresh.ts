// `tsx scripts/db/pg-fresh.ts <server URL> <name>`: drops and creates database <name> on the server, prints its URL
// (the e2e server's fresh PostgreSQL database, like its fresh SQLite file).
import { createDatabase, dropDatabase } from './pg-server';

const [server, name] = process.argv.slice(2);
if (!server || !name) {
  console.error('Usage: tsx scripts/db/pg-fresh.ts <postgresql://server/postgres> <database name>');
  process.exit(2);
}
await dropDatabase(server, name);
console.log(await createDatabase(server, name));
