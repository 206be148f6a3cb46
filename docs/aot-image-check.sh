#!/bin/sh
# The Dockerfile's AOT steps outside docker (docker cannot run on the benchmark machine): build, train the cache
# with AotTraining as the image does, start the jar with the image's flags and -Xlog:aot, and check the log says the
# cache was opened and used. Needs JDK 25 (JAVA25, default Temurin's path) and the classpath file of BENCHMARKS.md.
set -eu
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
FLAGS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -Xmn8m -XX:TieredStopAtLevel=1"
APP=$(mktemp -d)
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q package -DskipTests   # SKIP_BUILD=1: use the jar in target/
test -s target/cp.txt || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
cp target/miic-privacy-bot.jar "$APP/miic-privacy-bot.jar"
"$JAVA25" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" miicbot.bench.AotTraining "$APP/app.aot" \
  --java "$JAVA25" --jar "$APP/miic-privacy-bot.jar" --jvm "$FLAGS"
test -s "$APP/app.aot"
# The image's start: a Bot API that does not answer is enough to see the cache mapped at start.
mkdir -p "$APP/data"
TELEGRAM_BOT_TOKEN=0:check TELEGRAM_API_URL=http://127.0.0.1:9 DATA_DIR="$APP/data" \
  timeout -s TERM 8 "$JAVA25" $FLAGS -XX:+ExitOnOutOfMemoryError -XX:AOTCache="$APP/app.aot" -XX:AOTMode=on \
  -Xlog:aot -Xlog:class+load:file="$APP/classes.log" -jar "$APP/miic-privacy-bot.jar" > "$APP/aot.log" 2>&1 || true
grep -i "aot cache\|opened" "$APP/aot.log" | head -5
shared=$(grep -c "source: shared objects file" "$APP/classes.log" || true)
total=$(grep -c "" "$APP/classes.log")
echo "classes loaded from the AOT cache: $shared of $total"
test "$shared" -gt 1000
rm -rf "$APP"
