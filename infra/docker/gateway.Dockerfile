# The YARP gateway in front of the replicas (docs/gateway.md). Build from the repository root:
#   docker build -f infra/docker/gateway.Dockerfile -t assistant-gateway .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Assistant.Gateway -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://0.0.0.0:8080
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Assistant.Gateway.dll"]
