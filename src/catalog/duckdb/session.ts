// DuckDB templates: who runs the query. The local engine has no Entra ID sign-in: the
// principal is the operating-system account running exfilhunt, named with a `localuser=`
// prefix in the FQN style Kusto uses (`aaduser=...`, `aadgroup=...`). It belongs to no
// directory group, so current_principal_is_member_of() is true only for that FQN itself.
import { hostname, userInfo } from 'node:os';
import type { SqlTemplate } from '../types.js';

interface LocalPrincipal {
  readonly user: string;
  readonly host: string;
  readonly fqn: string;
}

let cached: LocalPrincipal | undefined;

function principal(): LocalPrincipal {
  if (cached !== undefined) return cached;
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // userInfo() throws for a uid without a passwd entry (some containers).
    user = process.env['USER'] ?? process.env['USERNAME'] ?? String(process.getuid?.() ?? 'unknown');
  }
  const host = hostname();
  cached = { user, host, fqn: `localuser=${user}@${host}` };
  return cached;
}

export const SESSION_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  current_principal: (_args, ctx) => ctx.stringLiteral(principal().fqn),
  current_principal_details: (_args, ctx) => {
    const p = principal();
    const details = {
      Type: 'LocalUser',
      UserPrincipalName: p.user,
      DisplayName: p.user,
      IdentityProvider: 'local',
      Authority: p.host,
      FQN: p.fqn,
      Notes: null,
    };
    return `json(${ctx.stringLiteral(JSON.stringify(details))})`;
  },
  // Arguments are FQN strings or arrays of them; FQN prefixes compare case-insensitively in
  // Kusto (`AADUser=` and `aaduser=`), so the whole FQN is compared lowered.
  current_principal_is_member_of: (args, ctx) => {
    const me = ctx.stringLiteral(principal().fqn.toLowerCase());
    const tests = args.map((a) =>
      a.type === 'dynamic'
        ? `coalesce(list_contains(list_transform(CAST(json_extract_string(${a.sql}, '$[*]') AS VARCHAR[]), x -> lower(x)), ${me}), false)`
        : `coalesce(lower(${a.sql}) = ${me}, false)`,
    );
    return `(${tests.length === 0 ? 'false' : tests.join(' OR ')})`;
  },
};
