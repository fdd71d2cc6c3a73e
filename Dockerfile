# readouts API image: `docker compose up` runs it against PostgreSQL.

# The GraphQL playground's assets, from the npm registry at build time.
FROM node:20-slim AS playground
WORKDIR /playground
COPY api/graphql/playground/package.json api/graphql/playground/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    READOUTS_DATA_DIR=/data \
    READOUTS_HOST=0.0.0.0

WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
COPY exporters ./exporters
COPY seeds ./seeds
COPY --from=playground /playground/node_modules ./api/graphql/playground/node_modules
RUN pip install --no-cache-dir -e . && useradd --create-home readouts && mkdir -p /data \
    && chown readouts /data
USER readouts
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["readouts", "serve", "--host", "0.0.0.0", "--port", "8000"]
