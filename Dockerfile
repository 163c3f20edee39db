# One image for every Node service of Lineage; docker-compose picks the command per service.
FROM node:20-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps ./apps
COPY packages ./packages
COPY tooling ./tooling
COPY seed ./seed
COPY tsconfig.base.json turbo.json ./
RUN npm ci --no-audit --no-fund
RUN npm run build -w @lineage/web
USER node
CMD ["npx", "lineage", "--help"]
