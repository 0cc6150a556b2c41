"""Models load up front when a service asks, not on the first page that needs them."""


def test_preload_loads_the_models_before_the_first_page() -> None:
    import newsmill
    from newsmill import model
    from newsmill.meta import language

    newsmill.preload()
    assert language._identifier is not None
    assert model.load.cache_info().currsize >= 2  # the block model and its page-type model
