import LivenessEngine

/// The OpenAPI 3.1 document of every endpoint, request and response (served at `/v3/api-docs`,
/// checked by `openapi-spec-validator` in `scripts/validate-openapi`).
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Liveness Server",
    "version": "\#(EngineVersion.current)",
    "description": "Self-hosted presentation-attack detection for identity documents. Three dialects over one engine: the IDLive Doc Server API, Argos ID and Face Liveness (/modules/document, /modules/liveness) and the generic /api/v1/document/liveness, plus native selfie checks (/check_face_liveness); clients written for them work by changing the base URL. Our additions to a response live under `x_liveness` only. Every response carries an `X-Transaction-Id` header.",
    "license": { "name": "Apache-2.0", "identifier": "Apache-2.0" }
  },
  "servers": [{ "url": "/" }],
  "paths": {
    "/check_liveness": {
      "post": {
        "operationId": "checkLiveness",
        "security": [{}, { "ApiKeyAuth": [] }],
        "summary": "Check the liveness of a document photo sent as base64 JSON",
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckLivenessRequest" } } }
        },
        "responses": {
          "200": { "$ref": "#/components/responses/CheckLiveness" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "406": { "$ref": "#/components/responses/NotAcceptable" },
          "408": { "$ref": "#/components/responses/Overloaded" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "500": { "$ref": "#/components/responses/InternalError" }
        }
      }
    },
    "/check_liveness_file": {
      "post": {
        "operationId": "checkLivenessFile",
        "security": [{}, { "ApiKeyAuth": [] }],
        "summary": "Check the liveness of a document photo uploaded as a multipart file",
        "parameters": [
          { "name": "pipelines", "in": "query", "required": true, "style": "form", "explode": false,
            "description": "Pipelines to run, comma-separated or repeated; empty runs image validation only.",
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/PipelineName" } } },
          { "name": "calibrations", "in": "query", "required": false, "style": "form", "explode": false,
            "description": "None, or one per pipeline.",
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Calibration" } } },
          { "name": "errors_to_ignore", "in": "query", "required": false, "style": "form", "explode": false,
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/IgnorableError" } } }
        ],
        "requestBody": { "$ref": "#/components/requestBodies/ImageFile" },
        "responses": {
          "200": { "$ref": "#/components/responses/CheckLiveness" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "406": { "$ref": "#/components/responses/NotAcceptable" },
          "408": { "$ref": "#/components/responses/Overloaded" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "500": { "$ref": "#/components/responses/InternalError" }
        }
      }
    },
    "/api_version": {
      "get": {
        "operationId": "apiVersion",
        "summary": "Product, version, available pipelines, aliases and active models",
        "responses": {
          "200": { "description": "The server's version", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ApiVersion" } } } }
        }
      }
    },
    "/license_info": {
      "get": {
        "operationId": "licenseInfo",
        "summary": "One entry per available pipeline",
        "responses": {
          "200": {
            "description": "The available pipelines",
            "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/LicenseEntry" } } } }
          }
        }
      }
    },
    "/bi_report": {
      "get": {
        "operationId": "biReport",
        "security": [{}, { "ApiKeyAuth": [] }],
        "summary": "Counts of the checks made between two UTC days, both inclusive",
        "parameters": [
          { "name": "date_from", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
          { "name": "date_to", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
          { "name": "workspace", "in": "query", "required": false, "schema": { "type": "string" },
            "description": "Count one workspace's checks only. When LIVENESS_IDLIVE_REQUIRE_KEY is set, the x-api-key's own workspace." }
        ],
        "responses": {
          "200": { "description": "The counts", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BIReport" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "403": { "$ref": "#/components/responses/Unauthorized" }
        }
      }
    },
    "/modules/document": {
      "post": {
        "operationId": "argosDocumentLiveness",
        "summary": "Argos ID Liveness: scores 0-100 per pipeline (sr, pc, ps); with callbackUrl, 201 at once and the result POSTed to the callback, signed",
        "description": "liveness_score = round(100 x the REGULAR probability). Errors carry the vendor's errorCode: 1001 workspace unavailable (401), 1003 fail to process data (also: a pipeline this server does not have, an unusable image or callbackUrl), 1005 idImage required, 1007 pipelines required, 1008 invalid pipelines format, 1009 fail to analyze document (the validation status follows in the message), 1010 callbackUrl required (LIVENESS_ARGOS_REQUIRE_CALLBACK, or an empty callbackUrl). The callback body is the synchronous answer (200 body or error body), with headers X-Liveness-Timestamp and X-Liveness-Signature: sha256=<hex HMAC-SHA256(workspace secret, \"<timestamp>.<body>\")>.",
        "security": [{ "ApiKeyAuth": [] }],
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosRequest" } } }
        },
        "responses": {
          "200": { "description": "The scores", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosResponse" } } } },
          "201": { "description": "Accepted; the result goes to callbackUrl", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosAccepted" } } } },
          "400": { "$ref": "#/components/responses/ArgosError" },
          "401": { "$ref": "#/components/responses/ArgosError" },
          "408": { "$ref": "#/components/responses/ArgosError" },
          "413": { "$ref": "#/components/responses/ArgosError" },
          "500": { "$ref": "#/components/responses/ArgosError" }
        }
      }
    },
    "/check_face_liveness": {
      "post": {
        "operationId": "checkFaceLiveness",
        "security": [{}, { "ApiKeyAuth": [] }],
        "summary": "Check the liveness of a selfie sent as base64 JSON",
        "description": "Face detection (YuNet, or the Haar cascade without the pack), face quality (status_code: OK or the first of FACE_NOT_FOUND, TOO_MANY_FACES, FACE_CROPPED, FACE_TOO_CLOSE_TO_BORDER, FACE_TOO_SMALL, FACE_ANGLE_TOO_LARGE not in errors_to_ignore), then the fused signals (MiniFASNet pack and physical cues) at the requested calibration. A face that is not OK is answered without a probability. 503 NOT_AVAILABLE when no face model is installed.",
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckFaceLivenessRequest" } } }
        },
        "responses": {
          "200": { "$ref": "#/components/responses/CheckFaceLiveness" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "406": { "$ref": "#/components/responses/NotAcceptable" },
          "408": { "$ref": "#/components/responses/Overloaded" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "500": { "$ref": "#/components/responses/InternalError" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/check_face_liveness_file": {
      "post": {
        "operationId": "checkFaceLivenessFile",
        "security": [{}, { "ApiKeyAuth": [] }],
        "summary": "Check the liveness of a selfie uploaded as a multipart file",
        "parameters": [
          { "name": "calibration", "in": "query", "required": false, "schema": { "$ref": "#/components/schemas/Calibration" } },
          { "name": "signals", "in": "query", "required": false, "schema": { "$ref": "#/components/schemas/FaceSignals" } },
          { "name": "errors_to_ignore", "in": "query", "required": false, "style": "form", "explode": false,
            "schema": { "type": "array", "items": { "$ref": "#/components/schemas/IgnorableFaceStatus" } } }
        ],
        "requestBody": { "$ref": "#/components/requestBodies/ImageFile" },
        "responses": {
          "200": { "$ref": "#/components/responses/CheckFaceLiveness" },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "406": { "$ref": "#/components/responses/NotAcceptable" },
          "408": { "$ref": "#/components/responses/Overloaded" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "500": { "$ref": "#/components/responses/InternalError" },
          "503": { "$ref": "#/components/responses/Unavailable" }
        }
      }
    },
    "/modules/liveness": {
      "post": {
        "operationId": "argosFaceLiveness",
        "summary": "Argos Face Liveness: liveness_score 0-100 for a selfie",
        "description": "liveness_score = round(100 x the REGULAR probability) of the best installed signal set. Errors: 1001 workspace unavailable (401), 1016 faceImage required, 1017 fail to analyze face (the face quality status follows in the message), 1003 fail to process data (body, base64 or image unusable; 408/413/503 keep their HTTP status).",
        "security": [{ "ApiKeyAuth": [] }],
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosFaceRequest" } } }
        },
        "responses": {
          "200": { "description": "The score", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosFaceResponse" } } } },
          "400": { "$ref": "#/components/responses/ArgosFaceError" },
          "401": { "$ref": "#/components/responses/ArgosFaceError" },
          "408": { "$ref": "#/components/responses/ArgosFaceError" },
          "413": { "$ref": "#/components/responses/ArgosFaceError" },
          "503": { "$ref": "#/components/responses/ArgosFaceError" }
        }
      }
    },
    "/api/v1/document/liveness": {
      "post": {
        "operationId": "genericDocumentLiveness",
        "summary": "Generic document liveness: one score in [0, 1] (SOFT 0.25, REGULAR 0.5, HARD 0.75) for one or two sides; images as base64 or http(s) URLs",
        "description": "HTTP Basic: user name = workspace, password = API key. Validation statuses come with 200 and hasError true. Each side runs every available pipeline that applies (the back side without portrait substitution); the score is the lowest over pipelines and sides.",
        "security": [{ "BasicAuth": [] }],
        "requestBody": {
          "required": true,
          "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GenericRequest" } } }
        },
        "responses": {
          "200": { "$ref": "#/components/responses/Generic" },
          "400": { "$ref": "#/components/responses/Generic" },
          "401": { "$ref": "#/components/responses/Generic" },
          "408": { "$ref": "#/components/responses/Generic" },
          "413": { "$ref": "#/components/responses/Generic" },
          "415": { "$ref": "#/components/responses/Generic" },
          "502": { "$ref": "#/components/responses/Generic" },
          "503": { "$ref": "#/components/responses/Generic" },
          "504": { "$ref": "#/components/responses/Generic" }
        }
      }
    },
    "/v3/api-docs": {
      "get": {
        "operationId": "apiDocs",
        "summary": "This OpenAPI document",
        "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object" } } } } }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics: requests and latency per endpoint, engine stage timings, queue depth, outcomes per pipeline",
        "responses": { "200": { "description": "Prometheus text exposition", "content": { "text/plain": { "schema": { "type": "string" } } } } }
      }
    },
    "/health": {
      "get": {
        "operationId": "health",
        "summary": "The process answers",
        "responses": { "200": { "description": "Up", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } } }
      }
    },
    "/ready": {
      "get": {
        "operationId": "ready",
        "summary": "The server accepts checks",
        "responses": {
          "200": { "description": "Ready", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } },
          "503": { "description": "Shutting down", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "ApiKeyAuth": { "type": "apiKey", "in": "header", "name": "x-api-key", "description": "A key from `liveness keys create`; optional on the IDLive Doc endpoints unless LIVENESS_IDLIVE_REQUIRE_KEY is set." },
      "BasicAuth": { "type": "http", "scheme": "basic", "description": "workspace:api-key" }
    },
    "schemas": {
      "ArgosRequest": {
        "type": "object",
        "required": ["idImage", "pipelines"],
        "properties": {
          "idImage": { "type": "string", "contentEncoding": "base64", "description": "The image, base64; a data: URL prefix is tolerated." },
          "pipelines": {
            "type": "object",
            "required": ["sr", "pc", "ps"],
            "additionalProperties": false,
            "description": "Screen replay, paper printed, replaced portrait. All false: image validation only (an extension).",
            "properties": { "sr": { "type": "boolean" }, "pc": { "type": "boolean" }, "ps": { "type": "boolean" } }
          },
          "useUpcomingVersion": { "type": ["boolean", "string"], "description": "true (or \"True\"): the newest installed model versions; engineVersion then ends in +upcoming.", "default": false },
          "callbackUrl": { "type": "string", "format": "uri", "description": "Answer 201 at once and POST the result here (signed). Subject to the outbound address policy." }
        }
      },
      "ArgosScore": { "type": "object", "required": ["liveness_score"], "properties": { "liveness_score": { "type": "integer", "minimum": 0, "maximum": 100 } } },
      "ArgosResponse": {
        "type": "object",
        "required": ["apiType", "transactionId", "engineVersion", "result"],
        "properties": {
          "apiType": { "type": "string", "const": "id_live_doc" },
          "transactionId": { "type": "string" },
          "engineVersion": { "type": "string", "examples": ["liveness@\#(EngineVersion.current)"] },
          "result": {
            "type": "object",
            "description": "Only the pipelines requested.",
            "properties": {
              "screenReplay": { "$ref": "#/components/schemas/ArgosScore" },
              "paperPrinted": { "$ref": "#/components/schemas/ArgosScore" },
              "replacePortraits": { "$ref": "#/components/schemas/ArgosScore" }
            }
          }
        }
      },
      "ArgosAccepted": {
        "type": "object",
        "required": ["transactionId", "engineVersion", "message"],
        "properties": { "transactionId": { "type": "string" }, "engineVersion": { "type": "string" }, "message": { "type": "string" } }
      },
      "ArgosError": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["transactionId", "errorCode", "message"],
            "description": "A 401 carries transactionId, errorCode and message only.",
            "properties": {
              "statusCode": { "type": "integer" },
              "apiType": { "type": "string", "const": "id_live_doc" },
              "transactionId": { "type": "string" },
              "engineVersion": { "type": "string" },
              "errorCode": { "type": "string", "enum": ["1001", "1003", "1005", "1007", "1008", "1009", "1010"] },
              "message": { "type": "string" }
            }
          }
        }
      },
      "GenericRequest": {
        "type": "object",
        "properties": {
          "sessionId": { "type": "string", "description": "Echoed in the response." },
          "documentImageBase": { "type": "string", "description": "Front side: base64, or an http(s) URL the server fetches (image/*, size and time limits, outbound policy)." },
          "frontSideImageBase": { "type": "string", "description": "Same as documentImageBase (give one of them)." },
          "backSideImageBase": { "type": "string", "description": "Back side, optional: base64 or URL." }
        }
      },
      "GenericResponse": {
        "type": "object",
        "required": ["hasError"],
        "properties": {
          "sessionId": { "type": "string" },
          "score": { "type": "number", "minimum": 0, "maximum": 1 },
          "hasError": { "type": "boolean" },
          "error": {
            "type": "string",
            "description": "A validation status (DOCUMENT_TOO_CLOSE_TO_CAMERA, DOCUMENT_TOO_CLOSE_TO_BORDER, DOCUMENT_PHOTO_NOT_FOUND, DOCUMENT_CROPPED, DOCUMENT_NOT_FOUND, TOO_MANY_DOCUMENTS, DOCUMENT_TOO_SMALL, DOCUMENT_IS_COLORLESS; with 200), or ours: UNAUTHORIZED, MALFORMED_JSON, INVALID_FIELD, IMAGE_REQUIRED, INVALID_IMAGE, IMAGE_TOO_LARGE, IMAGE_URL_REFUSED, IMAGE_URL_NOT_AN_IMAGE, IMAGE_URL_UNREACHABLE, IMAGE_URL_TIMEOUT, BODY_TOO_LARGE, ENGINE_OVERLOADED, SHUTTING_DOWN, NO_PIPELINE_AVAILABLE."
          },
          "message": { "type": "string", "description": "Ours: what went wrong, and on which side." }
        }
      },
      "PipelineName": {
        "type": "string",
        "description": "Canonical name, default-* alias or the vendor's name.",
        "enum": ["screen-replay", "default-sr", "vulture-sr", "printed-copy", "default-pc", "woodpecker-pc", "robin-pc",
                 "portrait-substitution", "default-ps", "xenops-ps", "digital-manipulation", "default-sd", "hawk-sd"]
      },
      "Calibration": {
        "type": "string",
        "enum": ["REGULAR", "SOFT", "HARD"],
        "description": "Operating point: HARD = APCER 1 %, REGULAR = APCER 5 %, SOFT = APCER 10 %."
      },
      "IgnorableError": { "type": "string", "enum": ["DOCUMENT_CROPPED", "DOCUMENT_IS_COLORLESS"] },
      "StatusCode": {
        "type": "string",
        "enum": ["OK", "DOCUMENT_NOT_FOUND", "TOO_MANY_DOCUMENTS", "DOCUMENT_CROPPED", "DOCUMENT_TOO_CLOSE_TO_BORDER",
                 "DOCUMENT_TOO_CLOSE_TO_CAMERA", "DOCUMENT_TOO_SMALL", "DOCUMENT_PHOTO_NOT_FOUND", "DOCUMENT_IS_COLORLESS"]
      },
      "QualityWarning": {
        "type": "string",
        "enum": ["IMAGE_TOO_BLURRY", "IMAGE_IS_TOO_COMPRESSED", "POOR_IMAGE_EXPOSURE", "GLARE_ON_IMAGE",
                 "RELATIVE_DOCUMENT_SIZE_LOWER_THAN_10_PERCENT", "DOCUMENT_BORDERS_OUTSIDE_OF_FRAME",
                 "MULTIPLE_DOCUMENTS_IN_FRAME", "DOCUMENT_TOO_CLOSE_TO_BORDER"]
      },
      "CheckLivenessRequest": {
        "type": "object",
        "required": ["image", "pipelines"],
        "properties": {
          "image": { "type": "string", "contentEncoding": "base64", "description": "The image, base64; a data: URL prefix and line breaks are accepted." },
          "pipelines": {
            "type": "array",
            "description": "Pipelines to run; an empty list runs image validation only (an extension).",
            "items": {
              "type": "object",
              "required": ["pipeline_name"],
              "properties": {
                "pipeline_name": { "$ref": "#/components/schemas/PipelineName" },
                "calibration": { "$ref": "#/components/schemas/Calibration", "default": "REGULAR" }
              }
            }
          },
          "errors_to_ignore": { "type": "array", "items": { "$ref": "#/components/schemas/IgnorableError" } }
        }
      },
      "CheckLivenessResponse": {
        "type": "object",
        "required": ["pipeline_results", "x_liveness"],
        "properties": {
          "aggregate_liveness_probability": { "type": "number", "minimum": 0, "maximum": 1, "description": "Minimum over the pipelines; absent when any status is not OK." },
          "aggregate_image_quality_warnings": { "type": "array", "items": { "$ref": "#/components/schemas/QualityWarning" } },
          "pipeline_results": { "type": "array", "items": { "$ref": "#/components/schemas/PipelineResult" } },
          "x_liveness": { "$ref": "#/components/schemas/ResponseExtension" }
        }
      },
      "PipelineResult": {
        "type": "object",
        "required": ["pipeline_name", "calibration", "result"],
        "properties": {
          "pipeline_name": { "type": "string", "description": "As the client wrote it." },
          "calibration": { "$ref": "#/components/schemas/Calibration" },
          "result": {
            "type": "object",
            "required": ["status_code"],
            "description": "For a status other than OK, only status_code.",
            "properties": {
              "liveness_probability": { "type": "number", "minimum": 0, "maximum": 1 },
              "liveness_score": { "type": "number", "description": "Raw score, unbounded, higher = more live." },
              "image_quality_warnings": { "type": "array", "items": { "$ref": "#/components/schemas/QualityWarning" } },
              "status_code": { "$ref": "#/components/schemas/StatusCode" }
            }
          }
        }
      },
      "Point": { "type": "array", "items": { "type": "number" }, "minItems": 2, "maxItems": 2 },
      "ResponseExtension": {
        "type": "object",
        "description": "This server's additions: the transaction, the photo's validation, where the documents are, where the time went.",
        "required": ["transaction_id", "engine_version", "validation", "image", "documents", "timings_ms"],
        "properties": {
          "transaction_id": { "type": "string" },
          "engine_version": { "type": "string" },
          "validation": {
            "type": "object",
            "required": ["status_code", "statuses", "image_quality_warnings"],
            "properties": {
              "status_code": { "$ref": "#/components/schemas/StatusCode" },
              "statuses": { "type": "array", "items": { "$ref": "#/components/schemas/StatusCode" } },
              "image_quality_warnings": { "type": "array", "items": { "$ref": "#/components/schemas/QualityWarning" } }
            }
          },
          "image": {
            "type": "object",
            "required": ["width", "height", "format"],
            "properties": {
              "width": { "type": "integer" }, "height": { "type": "integer" },
              "format": { "type": "string", "enum": ["jpeg", "png", "webp", "bmp", "tiff"] },
              "jpeg_quality": { "type": "integer" }
            }
          },
          "documents": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["corners", "format", "confidence", "cropped"],
              "properties": {
                "corners": { "type": "array", "items": { "$ref": "#/components/schemas/Point" }, "minItems": 4, "maxItems": 4, "description": "Clockwise from the document's top-left, in the photo's pixels." },
                "format": { "type": "string", "enum": ["ID-1", "ID-2", "ID-3", "unknown"] },
                "confidence": { "type": "number" },
                "cropped": { "type": "boolean" },
                "portrait_corners": { "type": "array", "items": { "$ref": "#/components/schemas/Point" }, "minItems": 4, "maxItems": 4 }
              }
            }
          },
          "timings_ms": {
            "type": "object",
            "properties": {
              "queue": { "type": "number" }, "decode": { "type": "number" }, "locate": { "type": "number" }, "rectify": { "type": "number" },
              "validate": { "type": "number" }, "pipelines": { "type": "number" }, "total": { "type": "number" }
            }
          }
        }
      },
      "FaceSignals": { "type": "string", "enum": ["minifasnet", "physical", "all"], "description": "Signals to fuse; default: all installed (all with the MiniFASNet pack, else physical)." },
      "IgnorableFaceStatus": { "type": "string", "enum": ["TOO_MANY_FACES", "FACE_TOO_SMALL", "FACE_TOO_CLOSE_TO_BORDER", "FACE_CROPPED", "FACE_ANGLE_TOO_LARGE"] },
      "CheckFaceLivenessRequest": {
        "type": "object",
        "required": ["image"],
        "properties": {
          "image": { "type": "string", "contentEncoding": "base64", "description": "The selfie; a data: URL prefix is tolerated." },
          "calibration": { "$ref": "#/components/schemas/Calibration" },
          "signals": { "$ref": "#/components/schemas/FaceSignals" },
          "errors_to_ignore": { "type": "array", "items": { "$ref": "#/components/schemas/IgnorableFaceStatus" } }
        }
      },
      "CheckFaceLivenessResponse": {
        "type": "object",
        "required": ["calibration", "status_code", "image_quality_warnings", "x_liveness"],
        "properties": {
          "liveness_probability": { "type": "number", "minimum": 0, "maximum": 1, "description": "Absent when the face is not OK." },
          "liveness_score": { "type": "number", "description": "The fused head's raw score (log-odds-like, higher = more live)." },
          "calibration": { "$ref": "#/components/schemas/Calibration" },
          "status_code": { "type": "string", "enum": ["OK", "FACE_NOT_FOUND", "TOO_MANY_FACES", "FACE_TOO_SMALL", "FACE_TOO_CLOSE_TO_BORDER", "FACE_CROPPED", "FACE_ANGLE_TOO_LARGE"] },
          "image_quality_warnings": { "type": "array", "items": { "type": "string", "enum": ["IMAGE_TOO_BLURRY", "POOR_IMAGE_EXPOSURE", "IMAGE_IS_TOO_COMPRESSED"] } },
          "face": {
            "type": "object",
            "required": ["box", "landmarks", "detection_score"],
            "properties": {
              "box": { "type": "array", "items": { "type": "number" }, "minItems": 4, "maxItems": 4, "description": "x, y, width, height in pixels." },
              "landmarks": { "type": "array", "items": { "type": "array", "items": { "type": "number" } }, "description": "Right eye, left eye, nose tip, right and left mouth corners (YuNet)." },
              "detection_score": { "type": "number" },
              "yaw": { "type": "number" }, "pitch": { "type": "number" }, "roll": { "type": "number" }, "eye_distance": { "type": "number" }
            }
          },
          "x_liveness": {
            "type": "object",
            "required": ["transaction_id", "engine_version", "statuses", "faces_found", "image", "timings_ms"],
            "properties": {
              "transaction_id": { "type": "string" },
              "engine_version": { "type": "string" },
              "model_version": { "type": "string" },
              "signals": { "$ref": "#/components/schemas/FaceSignals" },
              "minifasnet_real_probabilities": { "type": "array", "items": { "type": "number" } },
              "statuses": { "type": "array", "items": { "type": "string" } },
              "faces_found": { "type": "integer" },
              "image": { "type": "object", "additionalProperties": { "type": "integer" } },
              "timings_ms": { "type": "object", "additionalProperties": { "type": "number" } }
            }
          }
        }
      },
      "ArgosFaceRequest": {
        "type": "object",
        "required": ["faceImage"],
        "properties": { "faceImage": { "type": "string", "contentEncoding": "base64", "description": "Base64 without a MIME prefix (one is tolerated)." } }
      },
      "ArgosFaceResponse": {
        "type": "object",
        "required": ["apiType", "result", "transactionId"],
        "properties": {
          "apiType": { "type": "string", "const": "id_live_face" },
          "result": { "type": "object", "required": ["liveness_score"], "properties": { "liveness_score": { "type": "integer", "minimum": 0, "maximum": 100 } } },
          "transactionId": { "type": "string" }
        }
      },
      "ArgosFaceError": {
        "type": "object",
        "required": ["transactionId", "errorCode", "message"],
        "properties": {
          "transactionId": { "type": "string" },
          "errorCode": { "type": "integer", "enum": [1001, 1003, 1016, 1017] },
          "message": { "type": "string" }
        }
      },
      "ApiVersion": {
        "type": "object",
        "required": ["product", "version", "availablePipelines", "pipelineAliases", "expirationDates", "models", "faceLiveness"],
        "properties": {
          "product": { "type": "string" },
          "version": { "type": "string" },
          "availablePipelines": { "type": "array", "items": { "$ref": "#/components/schemas/PipelineName" } },
          "pipelineAliases": { "type": "object", "additionalProperties": { "type": "string" } },
          "expirationDates": { "type": "object", "additionalProperties": { "type": "null" }, "description": "Always null per pipeline: nothing expires." },
          "models": { "type": "object", "additionalProperties": { "type": "string" }, "description": "Active model -> version." },
          "faceLiveness": {
            "type": "object",
            "required": ["signals", "minifasnet"],
            "properties": {
              "signals": { "type": "array", "items": { "$ref": "#/components/schemas/FaceSignals" } },
              "defaultSignals": { "$ref": "#/components/schemas/FaceSignals" },
              "modelVersion": { "type": "string" },
              "minifasnet": { "type": "boolean", "description": "Whether the MiniFASNet pack is installed." }
            }
          }
        }
      },
      "LicenseEntry": {
        "type": "object",
        "required": ["attackType", "pipelineName", "expirationDate"],
        "properties": {
          "attackType": { "type": "string", "enum": ["SCREEN_REPLAY", "PRINTED_COPY", "PORTRAIT_SUBSTITUTION", "DIGITAL_MANIPULATIONS"] },
          "pipelineName": { "type": "string" },
          "expirationDate": { "type": "null", "description": "Always null: nothing in this server expires." }
        }
      },
      "BIReport": {
        "type": "object",
        "required": ["total"],
        "properties": { "total": { "type": "integer" } },
        "additionalProperties": { "type": "integer" },
        "description": "`<pipeline>_<FORMAT>_<STATUS>` for checks a pipeline could not score, `<pipeline>_<FORMAT>_probability_<a>-<b>` for scored ones; `validation` for checks without pipelines."
      },
      "Status": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string" } } },
      "Error": {
        "type": "object",
        "required": ["status", "error", "code", "message", "transaction_id"],
        "properties": {
          "status": { "type": "integer" },
          "error": { "type": "string" },
          "code": { "type": "string", "description": "INVALID_FIELD, MISSING_FIELD, MALFORMED_JSON, BODY_TOO_LARGE, EMPTY_IMAGE, UNSUPPORTED_FORMAT, CORRUPT_IMAGE, IMAGE_TOO_LARGE, IMAGE_TOO_SMALL, UNAUTHORIZED (x-api-key missing or refused), FORBIDDEN (bi_report of another workspace), ENGINE_OVERLOADED, SHUTTING_DOWN, INTERNAL_ERROR" },
          "field": { "type": "string", "description": "The request field at fault, e.g. pipelines[1].pipeline_name." },
          "message": { "type": "string" },
          "transaction_id": { "type": "string" }
        }
      }
    },
    "requestBodies": {
      "ImageFile": {
        "required": true,
        "content": {
          "multipart/form-data": {
            "schema": {
              "type": "object",
              "required": ["file"],
              "properties": { "file": { "type": "string", "contentMediaType": "application/octet-stream", "description": "The image: JPEG, PNG, WebP, BMP or TIFF." } }
            }
          }
        }
      }
    },
    "responses": {
      "CheckLiveness": { "description": "The check ran; validation statuses are inside.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckLivenessResponse" } } } },
      "BadRequest": { "description": "A field is missing or invalid.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "CheckFaceLiveness": { "description": "The face, its quality and (when OK) its liveness", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckFaceLivenessResponse" } } } },
      "Unavailable": { "description": "The server cannot run this check: a model is not installed.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "ArgosFaceError": { "description": "An Argos face error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosFaceError" } } } },
      "NotAcceptable": { "description": "The image cannot be decoded or is not in a supported format.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Overloaded": { "description": "The engine is overloaded (answered at once).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "TooLarge": { "description": "The body or the image is over the limit.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Unauthorized": { "description": "An x-api-key is required (LIVENESS_IDLIVE_REQUIRE_KEY) or was refused; or another workspace's report.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "ArgosError": { "description": "An Argos error, with the vendor's errorCode.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ArgosError" } } } },
      "Generic": { "description": "A score, or hasError with a code.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GenericResponse" } } } },
      "InternalError": { "description": "Unexpected failure; quote the transaction id.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
    }
  }
}
"""#
}
