# Inkwell as one container: the standalone server (INKWELL_OUTPUT=standalone, see README "Docker /
# own server"). compose.yaml runs it beside PostgreSQL. tests/deploy/dockerfile.test.ts reads this
# file: each step it checks is what tests/e2e/standalone.test.ts runs.

# 1. Dependencies, cached until package.json or the lockfile changes. `npm install`, not `npm ci`:
#    the lockfile written on a developer's machine leaves out other platforms' optional packages,
#    and `npm ci` refuses it (.ci/run installs the same way).
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

# 2. The site: content check, next build, search index, and the standalone folder
#    (.next/standalone: server.js, the traced node_modules, static files, content/, migrations/).
FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 INKWELL_OUTPUT=standalone
# Absolute links in feeds, the sitemap and social cards are written at build time.
ARG SITE_URL
ENV SITE_URL=${SITE_URL}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# 3. What runs: Node and the standalone folder, as the unprivileged `node` user.
FROM node:20-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
# The embedded comment database (when DATABASE_URL is not set) lives here: keep it on a volume.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME /app/data
EXPOSE 3000
# 200 while the comment database answers (/api/health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) finishes the requests in flight, closes the database and exits 0.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
