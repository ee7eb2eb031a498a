"""Every form in the portal renders with DKFDS's form patterns.

The renderer gives each widget its DKFDS class and renders fields and forms through the
templates in `templates/includes/forms/`, so Django's, allauth's and the admin-free
portal forms all look the same and carry the same error summary.
"""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    "select": "form-select",
    "selectmultiple": "form-select",
    "checkbox": "form-checkbox",
    "checkboxselectmultiple": "form-checkbox",
    "radioselect": "form-radio",
    "clearablefile": "form-file-input",
    "file": "form-file-input",
}


class DKFDSBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = WIDGET_CLASSES.get(self.widget_type, "form-input")
        attrs["class"] = " ".join(filter(None, [attrs.get("class"), css]))
        return attrs


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"
    bound_field_class = DKFDSBoundField
