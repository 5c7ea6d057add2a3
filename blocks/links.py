"""Link blocks: a call to action and a list of documents to download."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, ListBlock, PageChooserBlock, StructBlock, StructValue, TextBlock, URLBlock
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page

from api.documents import document_data
from residents import request_cache
from residents.selectors import page_linked, pages_linked, pages_read_for_links

LINKED_PAGES_KEY = "blocks:linked-pages"


def reader(context):
    """The user a block is rendered for (its request's), None outside a request."""
    return getattr((context or {}).get("request"), "user", None)


class LinkValue(StructValue):
    def for_reader(self, user) -> "LinkValue":
        """The link as this reader may follow it: a chosen page the reader may not see is left out, so neither
        its address nor its existence leaks (an external address stays)."""
        page = self.get("page")
        if page is None or _may_follow(page, user=user):
            return self
        return type(self)(self.block, [(name, None if name == "page" else value) for name, value in self.items()])

    def url(self) -> str:
        """The link's address. wagtail-localize points a translated page's links at the translated pages."""
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    def full_url(self, request=None) -> str:
        """The address with scheme and host, as the APIs give every link."""
        page = self.get("page")
        if page:
            return page.get_full_url(request)
        return self.get("external_url") or ""


class LinkBlock(StructBlock):
    """A button-like link to a page of the site or to an external address."""

    label = CharBlock(label=_("Текст ссылки"), max_length=80)
    page = PageChooserBlock(label=_("Страница сайта"), required=False)
    external_url = URLBlock(label=_("Или внешний адрес"), required=False)

    class Meta:
        icon = "link"
        label = _("Ссылка")
        value_class = LinkValue
        template = "blocks/link.html"
        preview_value = {"label": "Стать резидентом", "external_url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Выберите страницу сайта или укажите внешний адрес — что-то одно."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["value"] = context["self"] = value.for_reader(reader(parent_context))
        return context

    def get_api_representation(self, value, context=None):
        value = value.for_reader(reader(context))
        return {"label": value.get("label"), "url": value.full_url((context or {}).get("request"))}

    def bulk_to_python(self, values):
        """Pages that `linked_pages_preload` read for this request are taken from there, not queried again
        for each kind of block that holds a link."""
        preloaded = request_cache.remembered(LINKED_PAGES_KEY, {})
        if not preloaded:
            return super().bulk_to_python(values)
        values = list(values)
        unread = [{**raw, "page": None} if raw.get("page") in preloaded else raw for raw in values]
        structs = super().bulk_to_python(unread)
        for raw, struct in zip(values, structs, strict=True):
            if raw.get("page") in preloaded:
                struct["page"] = preloaded[raw["page"]]
        return structs


def _may_follow(page, *, user) -> bool:
    """Whether the reader may see a linked page. The pages the page being read links to (preloaded by
    `linked_pages_preload`) are decided together, in one query per request and reader."""
    preloaded = request_cache.remembered(LINKED_PAGES_KEY, {})
    if page.pk not in preloaded:
        return page_linked(page, user=user) is not None
    key = f"{LINKED_PAGES_KEY}:visible:{getattr(user, 'pk', None)}"
    visible = request_cache.remember(key, lambda: {shown.pk for shown in pages_linked(preloaded.values(), user=user)})
    return page.pk in visible


def _linked_page_ids(raw, found: set) -> set:
    """Every page id a link points at, anywhere in a stream's raw data."""
    if isinstance(raw, dict):
        if "label" in raw and isinstance(raw.get("page"), int):
            found.add(raw["page"])
        for item in raw.values():
            _linked_page_ids(item, found)
    elif isinstance(raw, list):
        for item in raw:
            _linked_page_ids(item, found)
    return found


def linked_pages_preload(*streams, user=None) -> None:
    """Reads, in one query, the pages that the links of these streams point at, for the rest of the request
    (Wagtail would read them once for each kind of block that holds a link), and whether the reader (`user`)
    may see each."""
    ids = set()
    for stream in streams:
        _linked_page_ids(list(stream.raw_data), ids)
    if ids:
        pages = Page.objects.in_bulk(ids) if user is None else pages_read_for_links(ids, user=user)
        request_cache.keep(LINKED_PAGES_KEY, pages)


class CallToActionBlock(StructBlock):
    title = CharBlock(label=_("Заголовок"), max_length=200)
    text = TextBlock(label=_("Текст"), required=False)
    link = LinkBlock(label=_("Кнопка"))

    class Meta:
        icon = "pick"
        label = _("Призыв к действию")
        group = _("Ссылки")
        template = "blocks/call_to_action.html"
        description = _("Короткий призыв с одной заметной кнопкой.")
        preview_value = {
            "title": "Станьте резидентом коворкинга",
            "text": "Участвуйте в конференциях, хакатонах и проектах лицея.",
            "link": {"label": "Как стать резидентом", "external_url": "https://example.org/"},
        }


class DocumentListBlock(StructBlock):
    title = CharBlock(label=_("Заголовок списка"), required=False, max_length=200)
    documents = ListBlock(DocumentChooserBlock(label=_("Документ")), label=_("Документы"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Список документов")
        group = _("Ссылки")
        template = "blocks/document_list.html"
        description = _("Документы для скачивания с форматом и размером файла.")
        preview_value = {"title": "Документы", "documents": []}

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "title": value.get("title"),
            "documents": [
                document_data(document, request=request) for document in value.get("documents") or [] if document
            ],
        }
