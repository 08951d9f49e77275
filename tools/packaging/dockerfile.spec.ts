// No Docker engine runs here, so the shared Dockerfile is checked statically: pinned Node 22 LTS
// base, non-root user, production settings, and an entrypoint that the workspace build produces
// and that docs/deploying.md documents.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { deployableApps } from './deployable-apps';
import { lastInstruction, parseDockerfile } from './dockerfile-parse';

const dockerfile = readFileSync(join(WORKSPACE_ROOT, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const lastStage = stages.at(-1);
if (!lastStage) throw new Error('Dockerfile has no FROM');
const runtime = lastStage;
const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
const externalBases = stages.map((s) => s.from).filter((from) => !stageNames.has(from));
const cmd = JSON.parse(lastInstruction(runtime, 'CMD') ?? 'null') as string[] | null;
const workdir = lastInstruction(runtime, 'WORKDIR');

describe('Dockerfile', () => {
  it('is multi-stage and ends in the runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.name).toBe('runtime');
  });

  it('pins every base image to an exact Node 22 version (no latest, no floating tag)', () => {
    expect(externalBases.length).toBeGreaterThan(0);
    for (const base of externalBases) {
      expect(base).toMatch(/^node:22\.\d+\.\d+-[a-z]+(-slim)?(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('runs as a non-root user with NODE_ENV=production and stops on SIGTERM', () => {
    const user = lastInstruction(runtime, 'USER') ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(
      runtime.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV=production\b/.test(i.args)),
    ).toBe(true);
    expect(lastInstruction(runtime, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it('installs only production dependencies of the generated package.json in the runtime stage', () => {
    const runs = runtime.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies.every((c) => c.startsWith('--from=build ') && c.includes('/dist/apps/$APP/'))).toBe(true);
  });

  it('bakes no secret into the image', () => {
    const declared = stages.flatMap((s) =>
      s.instructions.filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV'),
    );
    expect(declared.filter((i) => /PASSWORD|SECRET|TOKEN|KEY/i.test(i.args)).map((i) => i.args)).toEqual([]);
  });

  it('starts the app with the command docs/deploying.md documents', () => {
    expect(cmd).toEqual(['node', 'main.js']);
    expect(workdir).toBe('/app');
    const docs = readFileSync(join(WORKSPACE_ROOT, 'docs/deploying.md'), 'utf8');
    expect(docs).toContain(`\`${cmd?.join(' ')}\``);
  });

  it('points its entrypoint at the bundle every deployable app builds to', () => {
    for (const { app } of deployableApps()) {
      const project = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'apps', app, 'project.json'), 'utf8')) as {
        targets: { build: { options: { outputPath: string; generatePackageJson: boolean } } };
      };
      expect(project.targets.build.options).toMatchObject({
        outputPath: `dist/apps/${app}`,
        generatePackageJson: true,
      });
    }
  });

  it('gets main.js and the generated package.json from a real build of one app', () => {
    const app = 'order-dispatch-bridge';
    execFileSync('npx', ['nx', 'run', `${app}:build`, '--outputStyle=static'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      stdio: 'pipe',
    });
    // COPY dist/apps/$APP/ into WORKDIR, then CMD's script: the same relative path must exist.
    const out = join(WORKSPACE_ROOT, 'dist/apps', app);
    expect(existsSync(join(out, cmd?.[1] ?? 'missing'))).toBe(true);
    for (const file of ['package.json', 'package-lock.json']) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { devDependencies?: object };
    expect(pkg.devDependencies ?? {}).toEqual({});
  }, 240_000);
});
