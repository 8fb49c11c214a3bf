// Placeholder until the owning issue lands; see `issues`.
import { CliError } from '../command.js';

export function run(_args: readonly string[]): Promise<number> {
  return Promise.reject(new CliError('`ingest` is not implemented yet', 3));
}
