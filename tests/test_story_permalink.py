"""A blog post under a long comment section is a story when its address is a dated permalink."""

from newsmill import extract
from newsmill.pagetype import story_permalink

_NAMES = ["Marta", "jkl_99", "Dave P.", "Sunny", "Old Farmer", "Rita", "Tom", "Beekeeper Bob", "Lena", "Hal"]
_CROPS = ["roses", "kale", "beans", "squash", "peppers", "tomatoes", "lettuce", "peas", "chard", "mint"]
_COMMENTS = "".join(
    f'<li class="comment"><div class="comment-author">{n} says:</div>'
    f'<div class="comment-meta">July {i + 3}, 2015 at 8:1{i} am</div>'
    f"<p>Thanks for this, I tried the spray on my {c} and the aphids were gone within a week. "
    "Do you reapply after rain or just once a week?</p>"
    f'<a class="reply" href="#r{i}">Reply</a></li>'
    for i, (n, c) in enumerate(zip(_NAMES, _CROPS, strict=True))
)
_PAGE = f"""<html><head><title>Homemade garden spray | Hillside Acres</title></head><body>
<div class="post"><h1>Homemade garden spray</h1><p>Posted July 2, 2015 by Anna</p>
<p>Every summer the aphids find my kale before I do, and every summer I swear I will not buy another bottle of spray.</p>
<p>This one is garlic, a spoon of dish soap and water, left to steep overnight and strained through a cloth.</p>
<p>Spray the undersides of the leaves in the evening, when the bees have gone home, and repeat after rain.</p></div>
<h3>42 Comments</h3><ol class="comments">{_COMMENTS}</ol>
<div class="reply-form"><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div></body></html>"""


def test_dated_permalinks_are_told_from_thread_and_archive_addresses() -> None:
    assert story_permalink("http://www.example.com/2008/09/lean-startup.html")
    assert story_permalink("https://example.org/2015/07/14/organic-pest-control-garden-spray/")
    assert story_permalink("https://example.de/blog/2024/11/wie-man-brot-backt")
    # Numbered messages in a mail archive's month folder, a thread, a bare month: no.
    assert not story_permalink("https://lists.example.org/debian-user/2024/01/msg00123.html")
    assert not story_permalink("https://forum.example.com/threads/planer-snipe-on-the-last-3-inches.48213/")
    assert not story_permalink("https://example.com/2024/13/not-a-month")
    assert not story_permalink("https://example.com/archive/2024/01/")
    assert not story_permalink(None)


def test_a_commented_blog_post_at_a_dated_permalink_is_an_article() -> None:
    assert extract(_PAGE).page_type == "forum"  # what the page alone looks like to the model
    assert extract(_PAGE, url="https://hillsideacres.example/2015/07/homemade-garden-spray.html").page_type == "article"
    # The same page at a thread's address stays a thread.
    assert extract(_PAGE, url="https://hillsideacres.example/threads/homemade-garden-spray.4821/").page_type == "forum"
