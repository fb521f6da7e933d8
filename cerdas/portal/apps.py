from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def region_news(region):
    """The region's latest three published articles for its profile, or None if it has none."""
    from cerdas.portal.models import Article

    articles = list(
        Article.objects.published().filter(region=region).select_related("region__province")[:3]
    )
    return {"articles": articles} if articles else None


def account_links(user) -> list[tuple[str, str]]:
    """The account page's links into the news portal for this user."""
    if user.is_national_admin:
        return [(_("News editor"), reverse("portal:manage"))]
    if user.role == user.Role.REGIONAL_TEAM:
        return [(_("Your region's news"), reverse("portal:manage"))]
    return [(_("Read the news and give your reaction"), reverse("portal:home"))]


class PortalConfig(AppConfig):
    name = "cerdas.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import datasets

        datasets.register()
        from cerdas.core.registries import (
            MediaRule,
            ProfileSection,
            WorkLink,
            media_rules,
            profile_sections,
            work_links,
        )

        profile_sections.register(
            ProfileSection("portal/region_section.html", region_news, order=50)
        )
        work_links.register(WorkLink("portal", account_links, order=40))
        media_rules.register(MediaRule("portal/", image_access))
        from django.db.models.signals import m2m_changed

        from cerdas.core.signals import on_every_write
        from cerdas.portal import receivers
        from cerdas.portal.models import Article, Category

        on_every_write(receivers.article_changed, Article, uid=receivers.DESK)
        on_every_write(receivers.category_changed, Category, uid=receivers.DESK)
        links = (Article.related_regions, Article.related_cohorts, Article.related_masterplans)
        for link in links:
            m2m_changed.connect(
                receivers.links_changed,
                sender=link.through,
                dispatch_uid=f"{receivers.DESK}-{link.field.name}",
            )


def image_access(request, name):
    """An article's picture: for everyone once the article is public, else for its editors."""
    from django.db.models import Q

    from cerdas.core.media import Access
    from cerdas.portal.models import ArticleImage
    from cerdas.portal.permissions import can_edit_article

    image = (
        ArticleImage.objects.select_related("article")
        .filter(Q(image=name) | Q(thumbnail=name))
        .first()
    )
    if image is None:
        return None
    article = image.article
    if article.is_visible():
        return Access(public=True)
    if can_edit_article(request.user, article):
        return Access(public=False)
    return None
