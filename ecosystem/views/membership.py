"""Views for members of organisations: register, edit, submit, members, invitations, joining.

Each view fetches through ecosystem.permissions (404 for other organisations), validates
a form, calls one function of ecosystem.services and turns its domain error into a message.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.ratelimit import rate_limited, too_many_requests
from ecosystem import permissions, services
from ecosystem.forms import ActorForm, InviteForm, JoinRequestForm
from ecosystem.models import Actor, JoinRequest, Membership

GET_POST = ["GET", "POST"]


def _form_data(request: HttpRequest) -> tuple:
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _map_settings() -> dict[str, str]:
    """The location picker's map tiles (a setting, OpenStreetMap by default)."""
    return {
        "tile_url": settings.TILE_URL,
        "tile_attribution": settings.TILE_ATTRIBUTION or _("© OpenStreetMap contributors"),
    }


@require_http_methods(GET_POST)
def register(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        # Followed while logged out: say why an account is needed before asking for it.
        messages.info(
            request,
            _(
                "To register your organisation, log in or create an account first. The "
                "account lets you edit the organisation later, and lets us write to you "
                "when a moderator has looked at it."
            ),
        )
        return redirect_to_login(request.get_full_path())
    form = ActorForm(*_form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            actor = services.register_actor(
                by=request.user, values=form.actor_values(), language=get_language()
            )
        except services.DuplicateActorError as error:
            form.set_duplicate(error.existing, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. “%(name)s” has been sent for review. We will write to you when "
                    "a moderator has looked at it."
                )
                % {"name": actor.name},
            )
            return redirect("ecosystem:my_actors")
    if form.duplicate is not None:
        return _duplicate_response(request, form)
    return render(request, "ecosystem/register.html", {"form": form, **_map_settings()})


def _duplicate_response(request: HttpRequest, form: ActorForm) -> HttpResponse:
    """The organisation exists: offer to join it, or say it is already the user's own
    (a registration sent twice)."""
    existing = form.duplicate
    if permissions.membership_for(request.user, existing) is not None:
        messages.info(
            request,
            _("“%(name)s” is already registered, and you are a member.") % {"name": existing},
        )
        return redirect("ecosystem:my_actors")
    context = {
        "form": form,
        "existing": existing,
        # Only who may see the actor learns its name and place (ecosystem.permissions).
        "show_existing": permissions.can_see_name(request.user, existing),
        "can_join": permissions.can_request_to_join(request.user, existing),
        **_map_settings(),
    }
    return render(request, "ecosystem/duplicate.html", context)


@login_required
@require_http_methods(["GET"])
def my_actors(request: HttpRequest) -> HttpResponse:
    memberships = list(
        request.user.memberships.select_related("actor", "actor__municipality").order_by(
            "actor__name"
        )
    )
    owned = [m.actor_id for m in memberships if m.role == Membership.Role.OWNER]
    context = {
        "memberships": memberships,
        "join_requests": JoinRequest.objects.filter(
            actor_id__in=owned, status=JoinRequest.Status.PENDING
        ).select_related("actor", "user"),
        "my_requests": [
            (permissions.actor_label(request.user, join_request.actor), join_request)
            for join_request in request.user.join_requests.filter(
                status=JoinRequest.Status.PENDING
            ).select_related("actor")
        ],
    }
    return render(request, "ecosystem/my_actors.html", context)


@login_required
@require_http_methods(GET_POST)
def actor_edit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = permissions.get_actor_for_edit(request.user, slug)
    status = actor.status  # the form changes the instance in memory while validating
    form = ActorForm(*_form_data(request), instance=actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_actor(
                actor=actor, by=request.user, values=form.actor_values(), language=get_language()
            )
        except services.DuplicateActorError as error:
            form.set_duplicate(error.existing, error.message)
        else:
            if actor.status == Actor.Status.PUBLISHED:
                messages.success(request, _("Your changes are saved and shown on the portal."))
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("ecosystem:actor_edit", slug=actor.slug)
    context = {
        "form": form,
        "actor": actor,
        "status": status,
        "status_display": Actor.Status(status).label,
        "can_submit": status == Actor.Status.DRAFT,
        **_map_settings(),
    }
    return render(request, "ecosystem/actor_edit.html", context)


@require_POST
@login_required
def actor_submit(request: HttpRequest, slug: str) -> HttpResponse:
    actor = permissions.get_actor_for_edit(request.user, slug)
    try:
        services.transition_actor(
            actor=actor, action="submit", by=request.user, language=get_language()
        )
    except services.ActorTransitionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("“%(name)s” has been sent for review.") % {"name": actor.name})
    return redirect("ecosystem:my_actors")


@login_required
@require_http_methods(GET_POST)
def actor_members(request: HttpRequest, slug: str) -> HttpResponse:
    actor = permissions.get_actor_for_member(request.user, slug)
    is_owner = permissions.can_manage_members(request.user, actor)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not is_owner:
            raise PermissionDenied  # an editor of this organisation: it is no secret to them
        if rate_limited(request, "invite_member"):
            return too_many_requests(request)
        if form.is_valid():
            try:
                services.invite_member(
                    actor=actor,
                    by=request.user,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    language=get_language(),
                )
            except services.MembershipError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    _("An invitation has been sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("ecosystem:actor_members", slug=actor.slug)
    context = {
        "actor": actor,
        "is_owner": is_owner,
        "can_invite": permissions.can_invite(request.user, actor),
        "form": form,
        "members": actor.memberships.select_related("user").order_by("role", "user__email"),
        "invitations": actor.invitations.filter(accepted_at__isnull=True) if is_owner else [],
    }
    return render(request, "ecosystem/members.html", context)


@login_required
@require_http_methods(GET_POST)
def member_remove(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = permissions.get_membership_for_owner(request.user, slug, membership_id)
    actor = membership.actor
    if request.method == "POST":
        try:
            services.remove_member(membership=membership, by=request.user)
        except services.MembershipError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(person)s is no longer a member of %(name)s.")
                % {"person": membership.user, "name": actor.name},
            )
            if membership.user_id == request.user.pk:
                return redirect("ecosystem:my_actors")
        return redirect("ecosystem:actor_members", slug=actor.slug)
    return render(
        request, "ecosystem/confirm_remove.html", {"membership": membership, "actor": actor}
    )


@login_required
@require_http_methods(GET_POST)
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = permissions.get_invitation(token)
    if request.method == "POST":
        try:
            membership = services.accept_invitation(token=token, user=request.user)
        except services.MembershipError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("You are now a member of %(name)s.") % {"name": membership.actor.name},
            )
            return redirect("ecosystem:my_actors")
    problem = services.invitation_problem(invitation=invitation, user=request.user)
    return render(
        request, "ecosystem/invitation.html", {"invitation": invitation, "problem": problem}
    )


@login_required
@require_http_methods(GET_POST)
def actor_join(request: HttpRequest, slug: str) -> HttpResponse:
    return _join(request, permissions.get_actor_for_join(request.user, slug))


@login_required
@require_http_methods(GET_POST)
def actor_join_by_id(request: HttpRequest, actor_id: int) -> HttpResponse:
    return _join(request, permissions.get_actor_for_join_by_id(request.user, actor_id))


def _join(request: HttpRequest, actor: Actor) -> HttpResponse:
    if permissions.membership_for(request.user, actor) is not None:
        messages.info(request, _("You are already a member of %(name)s.") % {"name": actor.name})
        return redirect("ecosystem:my_actors")
    name = permissions.actor_label(request.user, actor)
    form = JoinRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and rate_limited(request, "join_request"):
        return too_many_requests(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(
                actor=actor,
                by=request.user,
                message=form.cleaned_data["message"],
                language=get_language(),
            )
        except services.MembershipError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Your request to join %(name)s has been sent. We will write to you when an "
                    "owner has answered."
                )
                % {"name": name},
            )
            return redirect("ecosystem:my_actors")
    return render(request, "ecosystem/join.html", {"actor": actor, "name": name, "form": form})


@login_required
@require_http_methods(GET_POST)
def join_request_decide(request: HttpRequest, slug: str, request_id: int) -> HttpResponse:
    join_request = permissions.get_join_request_for_owner(request.user, slug, request_id)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision not in ("approve", "decline"):
            messages.error(request, _("Choose whether to approve or decline the request."))
            return redirect(request.path)
        try:
            services.decide_join_request(
                join_request=join_request,
                by=request.user,
                approve=decision == "approve",
                language=get_language(),
            )
        except services.MembershipError as error:
            messages.error(request, error.message)
        else:
            if decision == "approve":
                text = _("%(person)s is now a member of %(name)s.")
            else:
                text = _("You declined the request from %(person)s to join %(name)s.")
            messages.success(
                request, text % {"person": join_request.user, "name": join_request.actor.name}
            )
        return redirect("ecosystem:my_actors")
    return render(request, "ecosystem/join_request.html", {"join_request": join_request})
