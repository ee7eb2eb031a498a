"""People: the portal's user, who logs in by e-mail."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.addresses import InvalidAddress, address_key, address_skeleton, clean_address
from common.text import validate_single_line


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        try:
            return clean_address(email or "")
        except InvalidAddress:
            return super().normalize_email(email)

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        """By the address's key, with `=`: `iexact` let PostgreSQL fold a dotless ı to I
        and match two accounts (log-in answered 500)."""
        try:
            key = address_key(username)
        except InvalidAddress:
            raise self.model.DoesNotExist from None
        return self.get(email_key=key)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. They log in by e-mail; what they do for an organisation goes via memberships."""

    email = models.EmailField(_("e-mail address"), unique=True)
    # The address as compared (common.addresses): one mailbox, one account. Empty only
    # for an account that the migration found to be a twin of an older one; staff see
    # those under "Address twins" in the admin and decide. NULL, not "": many twins may
    # wait at once, and NULLs never collide in a unique column.
    email_key = models.CharField(  # noqa: DJ001
        max_length=254, unique=True, null=True, editable=False
    )
    # What the address looks like: a new address that looks like another's is refused.
    email_skeleton = models.CharField(max_length=254, blank=True, db_index=True, editable=False)
    full_name = models.CharField(
        _("full name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Made by seed_demo; may skip the second factor on a local DEBUG run."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # The language of the portal's mail to this person: the one chosen on the account
    # page, else the one they last used the portal in (common.mail).
    language = models.CharField(
        _("language of e-mails"),
        max_length=2,
        choices=[("da", _("Danish")), ("en", _("English"))],
        blank=True,
        help_text=_("Leave empty to get e-mails in the language you last used the portal in."),
    )
    last_language = models.CharField(_("language last used"), max_length=2, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs) -> None:
        try:
            self.email = clean_address(self.email)
            key, skeleton = address_key(self.email), address_skeleton(self.email)
        except InvalidAddress:
            key = skeleton = self.email.lower()
        twin = (
            not self._state.adding
            and self.email_key is None
            and type(self).objects.filter(email_key=key).exclude(pk=self.pk).exists()
        )
        # A twin the migration found keeps no key until staff give it another address.
        self.email_key = None if twin else key
        self.email_skeleton = skeleton
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "email" in update_fields:
            kwargs["update_fields"] = {*update_fields, "email_key", "email_skeleton"}
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


# --- Reference data (loaded by a migration; names translated with modeltranslation) -------
