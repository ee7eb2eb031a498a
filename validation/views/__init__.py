"""The validation app's views: applicant.py for members' applications, public.py for the
gallery, case pages, partner contact and the export."""
