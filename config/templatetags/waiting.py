from django import template

from common import waiting

register = template.Library()


@register.simple_tag(takes_context=True)
def waiting_counts(context) -> list[waiting.Count]:
    """The queues the person in the admin may work on, each with its count."""
    return waiting.counts_for(context["request"].user)
