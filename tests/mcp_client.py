"""A client of ihracat's assistant interface for tests/mcp.rs, on the official Python MCP SDK
(`mcp` on PyPI): a client nobody on this project wrote.

    python3 tests/mcp_client.py stdio IHRACAT_BINARY ARG... < plan.json
    python3 tests/mcp_client.py http http://127.0.0.1:PORT/mcp < plan.json

The plan is a JSON list of steps; each step's outcome is printed, in order, as one JSON document
with the server's name and its tools:
  {"op": "call", "tool": NAME, "arguments": {...}}      a tool call as given
  {"op": "example", "tool": NAME, "example": "a=1 b=x", "arguments": {...}}
                                                        a header's example line, typed by the
                                                        tool's own input schema (as a model would),
                                                        with the arguments given beside it (lang)
  {"op": "resources"} / {"op": "read", "uri": URI} / {"op": "prompts"} / {"op": "prompt", "name": N, "arguments": {...}}
"""

import asyncio
import base64
import json
import sys

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client


def typed(schema, text):
    """A value as the tool's schema says to send it."""
    kind = schema.get("type")
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text) if "." in text else int(text)
    if kind == "boolean":
        return text == "true"
    if kind == "array":
        return [typed(schema.get("items", {}), item) for item in text.split(",")]
    return text


def outcome(result):
    texts = [c.text for c in result.content if c.type == "text"]
    images = [{"mime": c.mime_type, "bytes": len(base64.b64decode(c.data))} for c in result.content if c.type == "image"]
    return {"isError": bool(result.is_error), "structured": result.structured_content, "text": texts, "images": images}


async def run(session, plan):
    init = await session.initialize()
    tools = (await session.list_tools()).tools
    schemas = {t.name: t.input_schema for t in tools}
    out = {
        "server": init.server_info.name,
        "instructions": init.instructions,
        "tools": [{"name": t.name, "description": t.description, "inputSchema": t.input_schema} for t in tools],
        "results": [],
    }
    for step in plan:
        op = step.get("op", "call")
        try:
            if op == "call":
                out["results"].append(outcome(await session.call_tool(step["tool"], step.get("arguments"))))
            elif op == "example":
                properties = schemas[step["tool"]].get("properties", {})
                arguments = {}
                for assignment in step["example"].split():
                    name, value = assignment.split("=", 1)
                    arguments[name] = typed(properties.get(name, {}), value)
                arguments.update(step.get("arguments") or {})
                result = outcome(await session.call_tool(step["tool"], arguments))
                result["arguments"] = arguments
                out["results"].append(result)
            elif op == "resources":
                listed = await session.list_resources()
                out["results"].append({"resources": [{"uri": str(r.uri), "name": r.name, "title": r.title} for r in listed.resources]})
            elif op == "read":
                read = await session.read_resource(step["uri"])
                out["results"].append({"contents": [c.text for c in read.contents if hasattr(c, "text")]})
            elif op == "prompts":
                listed = await session.list_prompts()
                out["results"].append({"prompts": [p.name for p in listed.prompts]})
            elif op == "prompt":
                got = await session.get_prompt(step["name"], step.get("arguments"))
                out["results"].append({"messages": [m.content.text for m in got.messages]})
        except Exception as error:  # the server's refusal, as the client reports it
            out["results"].append({"exception": type(error).__name__, "message": str(error)})
    return out


async def main():
    plan = json.load(sys.stdin)
    if sys.argv[1] == "stdio":
        server = StdioServerParameters(command=sys.argv[2], args=sys.argv[3:])
        async with stdio_client(server) as streams:
            async with ClientSession(streams[0], streams[1]) as session:
                out = await run(session, plan)
    else:
        async with streamable_http_client(sys.argv[2]) as streams:
            async with ClientSession(streams[0], streams[1]) as session:
                out = await run(session, plan)
    json.dump(out, sys.stdout, ensure_ascii=False)


asyncio.run(main())
