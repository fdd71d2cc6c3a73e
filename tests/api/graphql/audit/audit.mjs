// Runs graphql-http's server audits against a live GraphQL endpoint (argv[2]) and prints
// one JSON array: [{id, name, status, reason}], status being ok, warn (a SHOULD) or error.
import { auditServer } from "graphql-http";

const url = process.argv[2];
const results = await auditServer({ url });
const summary = results.map((result) => ({
  id: result.id,
  name: result.name,
  status: result.status,
  reason: result.status === "ok" ? null : result.reason,
}));
process.stdout.write(JSON.stringify(summary) + "\n");
