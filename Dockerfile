# Build: the same command as the README's quick start and CI use.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY messages messages
RUN mvn -B -q package -DskipTests

# Run: a JRE only, as a non-root user, data in a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data miicbot && mkdir -p /data && chown miicbot /data
COPY --from=build /src/target/miic-privacy-bot.jar /app/miic-privacy-bot.jar
USER miicbot
VOLUME /data
ENV DATA_DIR=/data \
    RETENTION_DAYS=30 \
    DELETE_TYPED_ANSWERS=true
# A small heap is plenty (a form is ~30 KB, a conversation a few KB); SerialGC keeps the footprint low on 1-2 cores.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError"
# Alive while the poller touches /data/heartbeat before each getUpdates (every <= 50 s).
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s \
  CMD find /data/heartbeat -mmin -2 | grep -q heartbeat || exit 1
ENTRYPOINT ["java", "-jar", "/app/miic-privacy-bot.jar"]
