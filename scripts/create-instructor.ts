// `npm run user:create-instructor -- --email a@b.c ...`: kept for old notes and habits; it is
// `npm run user:create -- --role instructor ...` (a later --role on the command line still wins).
process.argv.splice(2, 0, '--role', 'instructor');
await import('./create-user');

export {};
