# readouts API image: `docker compose up` runs it against PostgreSQL.

# Stage 1 builds the wheel. Its build hook (hatch_build.py) fetches the GraphQL
# playground's and the API docs' assets from the npm registry into the wheel, so npm is
# needed here only: node and npm come from the official Node.js image.
FROM python:3.11-slim AS wheel
COPY --from=node:20-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:20-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY pyproject.toml README.md hatch_build.py ./
COPY api ./api
COPY exporters ./exporters
COPY seeds ./seeds
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

# Stage 2 runs the installed wheel: no source tree, no npm.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    READOUTS_DATA_DIR=/data \
    READOUTS_HOST=0.0.0.0

COPY --from=wheel /dist /dist
RUN pip install --no-cache-dir /dist/*.whl && rm -rf /dist \
    && useradd --create-home readouts && mkdir -p /data && chown readouts /data
USER readouts
WORKDIR /home/readouts
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["readouts", "serve", "--host", "0.0.0.0", "--port", "8000"]
