# Builds gridcase from source and runs it on a Java 17 JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl answers the container health check (the PDF reports' Chinese font comes with the application).
RUN apt-get update && apt-get install -y --no-install-recommends curl \
  && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home gridcase
USER gridcase
WORKDIR /home/gridcase
# the photo folder exists, owned by gridcase, so that a volume mounted on it is writable (docker-compose.yml)
RUN mkdir -p data/photos
COPY --from=build /src/target/gridcase.jar gridcase.jar
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "gridcase.jar"]
