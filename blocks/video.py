"""Turns the address of a video on YouTube, Rutube or VK Video into its player address.

Parsing the address locally means a page is saved and rendered without asking the video host
anything (no oEmbed round trip), so a slow or blocked host never breaks the editor or the page.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse


@dataclass(frozen=True)
class VideoSource:
    provider: str
    video_id: str
    embed_url: str


YOUTUBE_ID = r"[A-Za-z0-9_-]{11}"


def _youtube(url) -> VideoSource | None:
    host = url.netloc.lower().removeprefix("www.").removeprefix("m.")
    video_id = None
    if host == "youtu.be":
        video_id = url.path.strip("/")
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if url.path == "/watch":
            video_id = parse_qs(url.query).get("v", [""])[0]
        else:
            match = re.fullmatch(rf"/(?:embed|shorts|live)/({YOUTUBE_ID})/?", url.path)
            video_id = match.group(1) if match else None
    if video_id and re.fullmatch(YOUTUBE_ID, video_id):
        return VideoSource("youtube", video_id, f"https://www.youtube-nocookie.com/embed/{video_id}")
    return None


def _rutube(url) -> VideoSource | None:
    if url.netloc.lower().removeprefix("www.") != "rutube.ru":
        return None
    match = re.fullmatch(r"/(?:video|play/embed|shorts)/([0-9a-f]{32})/?", url.path)
    if not match:
        return None
    video_id = match.group(1)
    return VideoSource("rutube", video_id, f"https://rutube.ru/play/embed/{video_id}")


def _vk(url) -> VideoSource | None:
    host = url.netloc.lower().removeprefix("www.").removeprefix("m.")
    if host not in {"vk.com", "vkvideo.ru", "vk.ru"}:
        return None
    query = parse_qs(url.query)
    if url.path == "/video_ext.php" and "oid" in query and "id" in query:
        owner, video = query["oid"][0], query["id"][0]
    else:
        found = re.search(r"video(-?\d+)_(\d+)", url.path + "?" + url.query)
        if not found:
            return None
        owner, video = found.groups()
    if not re.fullmatch(r"-?\d+", owner) or not video.isdigit():
        return None
    embed = f"https://vkvideo.ru/video_ext.php?oid={owner}&id={video}"
    if "hash" in query:
        embed += f"&hash={query['hash'][0]}"
    return VideoSource("vk", f"{owner}_{video}", embed)


PARSERS = (_youtube, _rutube, _vk)


def parse_video_url(address: str) -> VideoSource | None:
    """Return the player for a video address, or None when the host is not one we can embed."""
    url = urlparse((address or "").strip())
    if url.scheme not in {"http", "https"}:
        return None
    for parser in PARSERS:
        source = parser(url)
        if source:
            return source
    return None
