"""The officers' pages, under ``consultation-responses/`` in the admin
(namespace ``consultation_responses``)."""

from django.urls import path

from . import keying_views, views

app_name = "consultation_responses"

urlpatterns = [
    path("", views.ResponsesIndexView.as_view(), name="index"),
    path("find/", views.FindResponseView.as_view(), name="find"),
    path("<int:page_id>/", views.SummaryView.as_view(), name="summary"),
    path("<int:page_id>/responses/", views.ResponseListView.as_view(), name="list"),
    path(
        "<int:page_id>/text/<slug:question_key>/",
        views.TextAnswersView.as_view(),
        name="text",
    ),
    path("<int:page_id>/export.<str:file_format>", views.ExportView.as_view(), name="export"),
    path("<int:page_id>/figures.csv", views.SummaryExportView.as_view(), name="export_summary"),
    path(
        "<int:page_id>/equality.csv",
        views.EqualityExportView.as_view(),
        name="export_equality",
    ),
    path("audit/", views.AuditLogView.as_view(), name="audit"),
    path("key-in/", keying_views.KeyInIndexView.as_view(), name="key_in_index"),
    path("<int:page_id>/key-in/", keying_views.KeyInView.as_view(), name="key_in"),
    path("response/<int:response_id>/", views.ResponseDetailView.as_view(), name="response"),
    path(
        "response/<int:response_id>/document/",
        views.ResponseDocumentView.as_view(),
        name="document",
    ),
    path(
        "response/<int:response_id>/delete/",
        views.ResponseDeleteView.as_view(),
        name="delete",
    ),
]
