/** Options of `npm run chaos -- [--full] [--only=a,b] [--seed=n] [--keep-stack] [--no-stack-faults]`. */
export interface ChaosArgs {
  full: boolean;
  only: string[];
  seed: number;
  keepStack: boolean;
  stackFaults: boolean;
  help: boolean;
}

export function parseChaosArgs(argv: readonly string[]): ChaosArgs {
  const args: ChaosArgs = {
    full: false,
    only: [],
    seed: 42,
    keepStack: false,
    stackFaults: true,
    help: false,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--full') args.full = true;
    else if (flag === '--only' && value) args.only = value.split(',').filter(Boolean);
    else if (flag === '--seed' && value && /^\d+$/.test(value)) args.seed = Number(value);
    else if (flag === '--keep-stack') args.keepStack = true;
    else if (flag === '--no-stack-faults') args.stackFaults = false;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return args;
}

export const USAGE = `npm run chaos -- [options]
  --full              the issue's durations (60 s outage, 20 s broker pause, 30 s registry outage, ...)
  --only=a,b          run only these scenarios (ids as printed)
  --seed=n            seed of the random kill moments (default 42)
  --keep-stack        leave the chaos stack (127.0.0.1:39092 / :38081) running afterwards
  --no-stack-faults   skip the broker and registry scenarios`;
