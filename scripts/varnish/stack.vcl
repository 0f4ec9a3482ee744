# The caching proxy in front of the app servers (scripts/stack.sh fills in
# the backends; docker-compose.yml does the same with its own). What it keeps
# is what the app says may be kept (core/http_cache.py): anonymous GETs of
# public pages with "Cache-Control: public, s-maxage=...", never a response
# that sets a cookie. Anything from a visitor with a session or a CSRF cookie
# goes straight to an app server. A change in the admin bans every page of
# its site's host (core/frontend_cache.py).
vcl 4.1;

import directors;
import std;

probe app_health {
    .request =
        "GET /health/ HTTP/1.1"
        "Host: 127.0.0.1"
        "User-Agent: varnish-health-probe"
        "Connection: close";
    # A server that refuses connections fails at once and is out within
    # seconds (its requests are retried on the other, vcl_backend_error); a
    # server slow to answer under load stays in: three of the last five
    # probes, each given 5 seconds, are enough.
    .timeout = 5s;
    .interval = 1s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

@BACKENDS@

# Who may ask to forget pages: the app servers and the worker, on this
# machine (or the private network given to stack.sh/docker-compose).
acl purgers {
@PURGERS@
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    # A stale copy (see grace below) only while no app server is healthy.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    if (req.method == "BAN" || req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # Every page of this host, in every language, whatever it shows.
        ban("obj.http.X-Cache-Host == " + req.http.host);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A session (a survey under way, staff signed in) or a CSRF cookie (a form
    # seen): the pages may differ for this visitor, so never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|health)(/|$)") {
        return (pass);
    }
    # Other cookies are kept: the app answers "Vary: Cookie", and the few
    # visitors who have one get copies of their own.
    return (hash);
}

sub vcl_backend_response {
    # Kept only when the app says so, and never with a cookie being set.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remembered for two minutes as "do not keep" (requests for it are not
        # queued behind each other), until the app answers otherwise.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.http.X-Cache-Host = bereq.http.host;
    # Compress only what is kept, which carries no secret (no CSRF token, no
    # session): a BREACH attack needs a secret in a compressed response
    # alongside text the attacker chooses.
    if (beresp.http.Content-Type ~ "^(text/html|application/(rss\+)?xml|text/xml|text/calendar|application/json)") {
        set beresp.do_gzip = true;
    }
    # While every app server is down, keep serving what is kept for a while.
    set beresp.grace = 10m;
    return (deliver);
}

sub vcl_backend_error {
    # An app server that died under a GET: try another one.
    if (bereq.retries < 2 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Cache-Host;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
