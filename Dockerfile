# One image per side: docker build --build-arg SIDE=command-side|query-side .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre
ARG SIDE
RUN useradd --system --uid 10001 creditdesk
COPY --from=build /src/${SIDE}/target/${SIDE}-*-exec.jar /app/app.jar
USER creditdesk
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
