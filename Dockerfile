# Production image: compiled JavaScript, production dependencies only, an external PostgreSQL.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json schema.graphql ./
COPY src ./src
COPY console ./console
COPY examples ./examples
# `npm ci` compiles the sources, builds the console (dist/console, dist/graphiql) and type-checks examples/ through the prepare script.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.graphql ./
COPY bin ./bin
COPY rules ./rules
USER node
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
