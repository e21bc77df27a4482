# One image per side: docker build --build-arg SIDE=command-side|query-side .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package

FROM eclipse-temurin:17-jre
ARG SIDE
# the watched folder for bank statements (a volume in docker-compose) belongs to the user the side runs as
RUN useradd --system --uid 10001 creditdesk \
    && mkdir -p /var/lib/credit-desk/bank-statements && chown creditdesk /var/lib/credit-desk/bank-statements
COPY --from=build /src/${SIDE}/target/${SIDE}-*-exec.jar /app/app.jar
USER creditdesk
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
