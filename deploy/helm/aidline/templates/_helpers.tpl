{{/* The name of every object: the release's, with "-api" for the service itself. */}}
{{- define "aidline.name" -}}
{{- printf "%s-api" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: immutable once applied, so only these two. */}}
{{- define "aidline.selectorLabels" -}}
app.kubernetes.io/name: aidline-api
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "aidline.labels" -}}
{{ include "aidline.selectorLabels" . }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: aidline
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The image: by digest when given, else by tag (the chart's appVersion by default); never "latest". */}}
{{- define "aidline.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- if eq $tag "latest" -}}{{- fail "image.tag: name a release, not latest" -}}{{- end -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ $tag }}
{{- end -}}
{{- end -}}

{{/*
The container's environment: the settings of values.env (sorted, so renders are stable), the management port, the JVM
options; secrets come from the Secret through envFrom. With the migration Job, pods never migrate.
*/}}
{{- define "aidline.env" -}}
{{- $root := .root -}}
{{- range $name := keys $root.Values.env | sortAlpha }}
{{- if ne $name "SPRING_FLYWAY_ENABLED" }}
- name: {{ $name }}
  value: {{ index $root.Values.env $name | toString | quote }}
{{- end }}
{{- end }}
- name: MANAGEMENT_SERVER_PORT
  value: {{ $root.Values.ports.management | quote }}
- name: SPRING_FLYWAY_ENABLED
  value: {{ ternary "true" (ternary "false" "true" $root.Values.migration.job) .migrating | quote }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $root.Values.jvm.javaToolOptions | quote }}
{{- end -}}

{{- define "aidline.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "aidline.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
capabilities:
  drop: ["ALL"]
{{- end -}}
