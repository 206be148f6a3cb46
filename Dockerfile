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
# AppCDS: a training start that loads the classes of start-up (store, catalogues, JSON, HTTP client), then waits,
# retrying, for a Bot API that never answers; `timeout` ends it with SIGTERM and the JVM writes those classes to an
# archive that every later start maps instead of loading and verifying them again (start to first getUpdates
# 2.6 s -> 1.0 s). An archive this JVM cannot use is ignored with a warning, never fatal. The training data
# directory (a throwaway key and database) is removed.
RUN mkdir /tmp/training && TELEGRAM_BOT_TOKEN=0:training TELEGRAM_API_URL=http://127.0.0.1:9 DATA_DIR=/tmp/training \
      timeout -s TERM 15 java -XX:ArchiveClassesAtExit=/app/classes.jsa -XX:+UseSerialGC -Xss512k \
      -jar /app/miic-privacy-bot.jar; \
    rm -rf /tmp/training && test -s /app/classes.jsa
USER miicbot
VOLUME /data
ENV DATA_DIR=/data \
    RETENTION_DAYS=30 \
    DELETE_TYPED_ANSWERS=true
# A small heap is plenty (a form is ~30 KB, a conversation a few KB); SerialGC keeps the footprint low on 1-2 cores.
# TieredStopAtLevel=1 (the quick C1 compiler only): C2 spent ~25 s of CPU compiling in the first minutes and up to
# 55 MB of memory, and pays that back only after ~10,000 children (docs/BENCHMARKS.md, "JIT" section).
# -Xmn8m and two malloc arenas: an idle bot holds ~6 MB less (a young GC a little more often under load).
# LoadBench starts the bot with these flags too (and makes its archive the same way).
ENV MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -Xmn8m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=/app/classes.jsa"
# Both modes (deploy/healthcheck.sh): polling is alive while the poller touches /data/heartbeat before each
# getUpdates (every <= 50 s); webhook mode asks its own /healthz on PORT.
COPY --chmod=755 deploy/healthcheck.sh /app/healthcheck.sh
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/miic-privacy-bot.jar"]
