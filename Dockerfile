# readouts API image: `docker compose up` runs it against PostgreSQL.
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
RUN pip install --no-cache-dir -e . && useradd --create-home readouts && mkdir -p /data \
    && chown readouts /data
USER readouts
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["readouts", "serve", "--host", "0.0.0.0", "--port", "8000"]
