FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
ENV EVIDENCE_DIR=/var/lib/fraud/evidence
# The V8 heap limit of the API and the worker (tools/supervisor/heap-limit.ts says why; npm
# start sets the same). Override NODE_OPTIONS to change it.
ENV NODE_OPTIONS=--max-old-space-size=512
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The evidence volume is mounted here. A new named volume takes the owner of the image's
# directory, so it must exist and belong to `node` before USER node, or uploads fail (EACCES).
RUN mkdir -p /var/lib/fraud/evidence && chown -R node:node /var/lib/fraud
USER node
# 3000: the API; 9464: the worker's /metrics.
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]
