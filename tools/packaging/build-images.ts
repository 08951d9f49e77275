// `npm run images` (every deployable app) and each app's `docker-build` Nx target (one app): builds
// the images from the shared Dockerfile when a Docker engine answers; without one (CI here, the
// local stack needs none) it says so and exits 0, since the Dockerfile is checked statically instead.
import { spawnSync } from 'node:child_process';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { appImage } from './app-image';
import { deployableApps } from './deployable-apps';

function dockerAnswers(): boolean {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  return info.status === 0 && info.stdout.trim() !== '';
}

function main(): number {
  const requested = process.argv.slice(2);
  const apps = requested.length > 0 ? requested : deployableApps().map((a) => a.app);
  if (!dockerAnswers()) {
    process.stdout.write(
      `No Docker engine answers \`docker info\`: skipping the image build of ${apps.join(', ')}.\n` +
        'The Dockerfile is checked statically by tools/packaging/dockerfile.spec.ts.\n',
    );
    return 0;
  }
  for (const app of apps) {
    const image = appImage(app);
    process.stdout.write(`building ${image}\n`);
    const build = spawnSync('docker', ['build', '--build-arg', `APP=${app}`, '-t', image, '.'], {
      cwd: WORKSPACE_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) return build.status ?? 1;
  }
  return 0;
}

process.exitCode = main();
