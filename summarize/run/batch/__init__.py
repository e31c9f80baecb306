"""``--batch``: brief the articles through the OpenAI Batch API, then finish online.

Only the first round of requests of an article (one per part, one for the summary) is known before any
answer arrives; re-asks after failed grounding and the halves of a cut-off part depend on the answers. So a
batch run has five steps:

1. **Collect.** The normal pipeline runs over every article that is not in the briefing cache, with an HTTP
   transport that records each ``/chat/completions`` body and then refuses to send it. The requests are keyed
   like the recordings: ``request_key("POST", "/chat/completions", body)``, which becomes the ``custom_id``.
   Nothing reaches the network in this step.
2. **Submit.** The requests that no earlier batch has answered go into JSONL files
   (``{"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}``) of at most
   :class:`BatchLimits` (50,000 lines and 200 MB, the API's limits per file; in request order, a new file
   when the next line would pass either), which are uploaded (``purpose="batch"``) one by one, then turned
   into batches (``completion_window="24h"``). The state file records each upload and then each batch id
   *before* any polling.
3. **Poll.** All the batches are polled together, each with ``batches.retrieve`` every ``poll_interval``
   seconds; each answer is reported to ``on_batch`` (status, completed/failed/total, seconds since the
   batch was created) and written to the state file.
4. **Download.** The output and error files are fetched. Each successful line is stored as an exchange in
   ``STATE_DIR/results/<article>/<custom_id>.json``: the same format as ``--record``, so that folder can also
   be read with ``--replay``. Lines that failed, or that are missing from both files, are listed in the state.
5. **Answer.** The normal pipeline runs again (:func:`summarize.run.pipeline.arun`), with a transport that
   answers a request from the batch results when its key is there and otherwise sends it to the live API:
   the items the batch failed, plus every re-ask and split half. That is the online fallback.

State (``STATE_DIR/state.json``, written atomically) lists each batch with its phase: ``uploaded`` (file
uploaded, no batch yet), ``submitted`` (batch created, not yet downloaded), ``done`` (results stored) or
``failed``. A rerun finishes every ``uploaded``/``submitted`` batch (it creates the batch from the
uploaded file, or polls the same batch id; it never uploads again) together with new batches for the
requests that no batch of the state covers; when there are none, nothing is submitted. A run split into
several batches resumes like one: each batch is one entry of the state.

A batch that ends ``expired`` or ``cancelled`` keeps the answers it has; the rest go online. A batch that
ends ``failed`` (the API rejected the input) raises :class:`~summarize.errors.BatchError` naming the reason,
unless ``if_failed="online"``, which briefs every request of it online instead. The failed batch does not
count as an answer: a rerun submits those requests again.

Library code: no printing, no exit; progress goes to the ``on_batch`` and ``on_progress`` callbacks.
The online fallback has no adaptive concurrency limit (that needs the client :func:`arun` builds itself).
"""

from .batcher import TERMINAL, BatchCallback, BatchEvent, EventKind
from .collect import CHAT_PATH, ENDPOINT, BatchLimits, Pending, collect_requests, jsonl_lines, split_requests
from .runner import DEFAULT_POLL_INTERVAL, RESULTS_DIR, BatchRun, arun_batch, run_batch
from .state import STATE_FILE

__all__ = ["CHAT_PATH", "DEFAULT_POLL_INTERVAL", "ENDPOINT", "RESULTS_DIR", "STATE_FILE", "TERMINAL", "BatchCallback",
           "BatchEvent", "BatchLimits", "BatchRun", "EventKind", "Pending", "arun_batch", "collect_requests",
           "jsonl_lines", "run_batch", "split_requests"]
