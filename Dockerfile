# syntax=docker/dockerfile:1
# One image per app, selected by the build argument APP (a folder under apps/):
#   docker build --build-arg APP=sfcc-inventory-writer -t wair-sfcc/sfcc-inventory-writer:0.1.0 .
# The workspace builds the app's bundle (dist/apps/$APP/main.js) and a package.json listing only the
# third-party packages the bundle imports; the runtime stage installs just those, without dev
# dependencies, and runs the bundle as a non-root user. Nothing secret is baked in: every setting
# comes from the environment at run time (docs/deploying.md).
# The base image is pinned by exact version (Node 22 LTS); bump it deliberately, in both stages.

FROM node:22.23.3-bookworm-slim AS workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .

FROM workspace AS build
ARG APP
RUN test -n "$APP" || { echo 'build with --build-arg APP=<app folder under apps/>' >&2; exit 1; }
RUN npx nx run "$APP:build" --skip-nx-cache && test -f "dist/apps/$APP/main.js"

# The whole workspace with its dev tools, for one-shot jobs such as `npm run topics:apply`
# (docker compose's `topics` service). Never deployed as a service: target it explicitly.
FROM workspace AS toolbox
USER 1000:1000
STOPSIGNAL SIGTERM
CMD ["npm", "run", "topics:apply"]

FROM node:22.23.3-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /workspace/dist/apps/$APP/package.json /workspace/dist/apps/$APP/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /workspace/dist/apps/$APP/ ./
# uid/gid 1000 is the `node` user of the official image; numeric so Kubernetes can verify
# runAsNonRoot without resolving names. Files stay root-owned: the app cannot modify its own code.
USER 1000:1000
# The apps drain on SIGTERM (stop consuming, finish in-flight writes, commit, flush, close HTTP).
STOPSIGNAL SIGTERM
EXPOSE 9301 9302 9303 9304
CMD ["node", "main.js"]
