"""pelican-cameo's site tooling, behind a site's tasks.py: build (whole or
old output), serve and live reload, publish to S3 and GitHub Pages, and the
`pelican-cameo new` command. It sits on top: it may import cameo_shared, the
Hugo plugin and the theme plugin.

Its modules, bottom to top: errors, settings, git_names, progress and
folder_writer; the build's steps (staging, stop_signals, build_lock,
pages_writer, assemble, swap, output_checks) under build; live reload
(moves, incremental, serve); publishing (targets, s3, github_pages,
publish); `pelican-cameo new` (hugo_copy, hugo_parity, new_site under new);
tasks, the invoke tasks, over all of them.

Not a Pelican plugin. It comes with the extras ``pelican-cameo[tasks]`` (invoke,
livereload, ghp-import) and ``pelican-cameo[s3]`` (boto3).
"""
