// Loads .env files the way Next.js does, for CLI scripts run outside Next.
import nextEnv from '@next/env';

export function loadLocalEnv(dir = process.cwd()): void {
  nextEnv.loadEnvConfig(dir, process.env.NODE_ENV !== 'production');
}
