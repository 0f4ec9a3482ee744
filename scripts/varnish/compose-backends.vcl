# docker-compose.yml's app servers, put in place of @BACKENDS@ in stack.vcl
# by the varnish service (which lets the compose network ban: @PURGERS@).
backend app1 {
    .host = "app1";
    .port = "8000";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend app2 {
    .host = "app2";
    .port = "8000";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}
