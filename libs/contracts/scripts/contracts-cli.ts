// `npm run contracts:check` / `npm run contracts:register`: compare or register every contract
// schema with the schema registry at SCHEMA_REGISTRY_URL. Exit code 1 on any incompatibility.
import { runContractsCli } from './contracts-commands';

runContractsCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
