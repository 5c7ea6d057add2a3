# Varnish 7 (Debian's `varnish`) in front of gunicorn: keeps the pages Django marks `public` for anonymous
# visitors, for their `s-maxage`, and drops them on Wagtail's PURGE (wagtail.contrib.frontend_cache, set up by
# FRONTEND_CACHE_URL). Nothing private is stored: a request with a session cookie or an Authorization header
# goes straight to Django, and an answer marked private, or one that sets a cookie, is never kept.
#
#   varnishd -f /path/to/default.vcl -a :6081 -s malloc,256m -p http_gzip_support=off
# with the backend's address below (or `-p vcl_path` and a copy); see docs/performance.md.
# `http_gzip_support=off`: Django already sends a gzipped page to a client that takes gzip (and says
# `Vary: Accept-Encoding`), so Varnish keeps the two copies as they came (Accept-Encoding normalised below)
# instead of keeping the gzipped one only and unzipping it again for every client that does not take it:
# that cost Varnish 3.5 times nginx's CPU per request for such clients (bench/load_bench.py), and the same after.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers (FRONTEND_CACHE_URL points here from them).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A signed-in reader (a session) or an API client (a token) is never answered from the cache.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Only the cookies a public page depends on are kept (the low-vision switch, the language): the key of a
    # page (with `Vary: Cookie`) is not split by every visitor's other cookies.
    if (req.http.Cookie) {
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie, ";(low_vision|django_language)=", "; \1=");
        set req.http.Cookie = regsuball(req.http.Cookie, ";[^ ][^;]*", "");
        set req.http.Cookie = regsuball(req.http.Cookie, "^[; ]+|[; ]+$", "");
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    # Two copies of a page at most: gzipped, or not (Django decides, and says `Vary: Accept-Encoding`).
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    # Pages only: the admin, the API, accounts and files are Django's (static files have their own headers).
    if (req.url ~ "^/(admin|api|account|projects|documents|i18n|low-vision)/" || req.url ~ "^/en/(account|projects)/") {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # Kept only if Django says public with a lifetime; private, no-store and Set-Cookie are never stored.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(public|s-maxage)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Django's `max-age=0` is for browsers; Varnish keeps the page for `s-maxage` (Varnish reads it itself).
    return (deliver);
}

sub vcl_deliver {
    # Browsers revalidate each time (max-age=0): what Varnish keeps is purged on publish, a browser's copy is not.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
