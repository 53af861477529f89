# The web app (UI, API, /metrics), one image for every replica. Build from the repository root:
#   docker build -f infra/docker/web.Dockerfile -t assistant-web .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Assistant.Web -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the compose healthcheck (the base image has none).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The knowledge folder the replicas ingest at start-up (one at a time, under a PostgreSQL advisory lock).
COPY knowledge /app/knowledge
ENV Assistant__KnowledgeDirectory=/app/knowledge \
    Assistant__DataDirectory=/data \
    Urls=http://0.0.0.0:8080
# Non-root, as the aspnet image provides; /data holds only what stays per replica (caches, the local model files).
USER app
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Assistant.Web.dll"]
