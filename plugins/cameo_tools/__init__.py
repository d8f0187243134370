"""pelican-cameo's site tooling, behind a site's tasks.py: build (whole or
old output), serve and live reload, publish to S3 and GitHub Pages.

Not a Pelican plugin. It comes with the extras ``pelican-cameo[tasks]`` (invoke,
livereload, ghp-import) and ``pelican-cameo[s3]`` (boto3).
"""
