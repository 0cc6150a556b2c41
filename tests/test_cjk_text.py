"""Chinese and Japanese prose counts its sentences and commas like any other prose."""

from selectolax.lexbor import LexborHTMLParser

from newsmill import extract
from newsmill.features import FEATURE_NAMES, block_features
from newsmill.segment import segment

ZH = "市长李娜表示，这份预算是在困难的一年里我们所能做到的最好结果。她补充说，市政府避免了裁员！"
EN = "The mayor said, as expected, the budget was the best they could do. She added that no one lost a job!"


def _row(text: str) -> dict[str, float]:
    seg = segment(LexborHTMLParser(f"<html><body><p>{text}</p></body></html>").body)
    X = block_features(seg, None, None, [0.0] * 11)
    return dict(zip(FEATURE_NAMES, X[0].tolist(), strict=True))


def test_cjk_sentence_ends_and_commas_are_counted_as_latin_ones_are() -> None:
    zh, en = _row(ZH), _row(EN)
    assert zh["sent_ends"] == en["sent_ends"] == 2.0  # one inside, one at the end
    assert zh["commas"] == 2.0 and en["commas"] == 2.0
    assert zh["ends_punct"] == en["ends_punct"] == 1.0


def test_a_chinese_story_is_extracted_without_its_menus() -> None:
    paras = [
        "春田市议会周二晚以五比二的投票结果通过了下一财年四千八百万美元的预算，结束了数周以来关于削减图书馆和公园部门经费的争论。",
        "市长李娜表示，这份预算是在困难的一年里我们所能做到的最好结果，并补充说，市政府通过冻结招聘和推迟道路维修，避免了裁员。",
        "投反对票的议员王强说，削减图书馆经费将伤害那些依靠分馆上网的家庭。他在长达三个小时的会议上说，我们是在孩子们的背上平衡预算。",
    ]
    html = (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>城市议会通过新预算_新闻中心_春田日报</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a></div>'
        "<div class='article'><h1>城市议会通过新预算</h1>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
        '<div class="sidebar"><h3>热门新闻</h3><ul><li><a href="/a1">春田市今年将新建三所学校</a></li>'
        '<li><a href="/a2">本周末天气晴朗气温回升</a></li></ul></div>'
        '<div class="footer">关于我们 | 联系我们 | 版权所有 © 2024 春田日报</div></body></html>'
    )
    art = extract(html.encode(), url="http://news.chuntian.example/2024/03/12/budget.html")
    assert art.title == "城市议会通过新预算"
    assert all(p in art.text for p in paras)
    assert "首页" not in art.text and "热门新闻" not in art.text and "版权所有" not in art.text
