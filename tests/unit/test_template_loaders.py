"""The English labels Oscar's and Wagtail's templates hard-code are translated as the templates are read."""

from django.template import engines
from django.utils import translation

from storefront.template_loaders import translated


def test_a_hard_coded_breadcrumb_label_becomes_a_translated_one():
    rewritten = translated('<nav aria-label="breadcrumb"><ol class="breadcrumb"></ol></nav>')
    assert rewritten == '<nav aria-label="{% translate "Breadcrumb" %}"><ol class="breadcrumb"></ol></nav>'
    template = engines["django"].from_string(rewritten)  # no {% load i18n %}: the i18n tags are builtins
    with translation.override("vi"):
        assert 'aria-label="Đường dẫn điều hướng"' in template.render({})
    with translation.override("en"):
        assert 'aria-label="Breadcrumb"' in template.render({})


def test_oscar_templates_are_read_with_their_labels_translated():
    source = engines["django"].engine.find_template("oscar/catalogue/browse.html")[0].source
    assert 'aria-label="breadcrumb"' not in source and '{% translate "Breadcrumb" %}' in source
