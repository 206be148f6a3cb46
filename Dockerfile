# syntax=docker/dockerfile:1
# Build: the same command as the README's quick start and CI use. The sources stay --release 17 (pom.xml), so the
# quick start still runs on JDK 17; the image builds and runs them on Java 25 for its AOT cache.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY messages messages
# The test classes and their dependencies are the AOT training's driver (the fake Bot API and scripted parents);
# they are only bind-mounted into the training step below, never copied into the image.
RUN mvn -B -q package -DskipTests \
 && mvn -B -q dependency:copy-dependencies -DincludeScope=test -DoutputDirectory=target/trainer-lib

# Run: a JRE only, as a non-root user, data in a volume.
FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /data miicbot && mkdir -p /data && chown miicbot /data
COPY --from=build /src/target/miic-privacy-bot.jar /app/miic-privacy-bot.jar
# AOT cache (JDK 25): a training run that ends by itself. AotTraining starts the jar with the run's flags and
# -XX:AOTCacheOutput against the fake Bot API on 127.0.0.1, 40 scripted parents go through the whole interview
# (typed answers, taps, review, PDF, two children each), then SIGTERM; the JVM writes the classes loaded and linked
# and the method profiles of that interview to /app/app.aot. The run below maps it (-XX:AOTCache); the flags here
# and there must match (GC, heap, compact headers). docs/aot-image-check.sh does these steps outside docker and shows
# with -Xlog:aot that the cache is used.
RUN --mount=type=bind,from=build,source=/src/target,target=/trainer \
    java -cp "/trainer/test-classes:/trainer/classes:/trainer/trainer-lib/*" miicbot.bench.AotTraining /app/app.aot \
      --jar /app/miic-privacy-bot.jar \
      --jvm "-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -Xmn8m -XX:TieredStopAtLevel=1" \
 && test -s /app/app.aot
USER miicbot
VOLUME /data
ENV DATA_DIR=/data \
    RETENTION_DAYS=30 \
    DELETE_TYPED_ANSWERS=true
# A small heap is plenty (a form is ~30 KB, a conversation a few KB); SerialGC keeps the footprint low on 1-2 cores.
# Chosen on Java 25 by interleaved LoadBench runs (docs/BENCHMARKS.md, "Lean per parent, decided"):
# TieredStopAtLevel=1 (the quick C1 compiler only): full tiered spent 13 s of JIT CPU per 500 parents even with the
# AOT cache's profiles (+25-30 % CPU per child), and ~30 MB more RSS. Compact object headers and -Xmx96m were
# measured too and changed neither CPU per child nor peak RSS beyond the noise, so they are left out.
# -Xmn8m and two malloc arenas: an idle bot holds ~6 MB less (a young GC a little more often under load).
# LoadBench starts the bot with these flags too (--aot true: makes its cache the same way).
ENV MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -Xmn8m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:AOTCache=/app/app.aot"
# Both modes (deploy/healthcheck.sh): polling is alive while the poller touches /data/heartbeat before each
# getUpdates (every <= 50 s); webhook mode asks its own /healthz on PORT.
COPY --chmod=755 deploy/healthcheck.sh /app/healthcheck.sh
HEALTHCHECK --interval=60s --timeout=5s --start-period=30s CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/miic-privacy-bot.jar"]
