const ze=globalThis,at=ze.ShadowRoot&&(ze.ShadyCSS===void 0||ze.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,ot=Symbol(),$t=new WeakMap;let Ft=class{constructor(e,s,n){if(this._$cssResult$=!0,n!==ot)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=s}get styleSheet(){let e=this.o;const s=this.t;if(at&&e===void 0){const n=s!==void 0&&s.length===1;n&&(e=$t.get(s)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&$t.set(s,e))}return e}toString(){return this.cssText}};const us=t=>new Ft(typeof t=="string"?t:t+"",void 0,ot),O=(t,...e)=>{const s=t.length===1?t[0]:e.reduce((n,i,r)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+t[r+1],t[0]);return new Ft(s,t,ot)},ds=(t,e)=>{if(at)t.adoptedStyleSheets=e.map(s=>s instanceof CSSStyleSheet?s:s.styleSheet);else for(const s of e){const n=document.createElement("style"),i=ze.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=s.cssText,t.appendChild(n)}},wt=at?t=>t:t=>t instanceof CSSStyleSheet?(e=>{let s="";for(const n of e.cssRules)s+=n.cssText;return us(s)})(t):t;const{is:ms,defineProperty:gs,getOwnPropertyDescriptor:fs,getOwnPropertyNames:vs,getOwnPropertySymbols:bs,getPrototypeOf:ys}=Object,Ve=globalThis,_t=Ve.trustedTypes,$s=_t?_t.emptyScript:"",ws=Ve.reactiveElementPolyfillSupport,_e=(t,e)=>t,He={toAttribute(t,e){switch(e){case Boolean:t=t?$s:null;break;case Object:case Array:t=t==null?t:JSON.stringify(t)}return t},fromAttribute(t,e){let s=t;switch(e){case Boolean:s=t!==null;break;case Number:s=t===null?null:Number(t);break;case Object:case Array:try{s=JSON.parse(t)}catch{s=null}}return s}},ct=(t,e)=>!ms(t,e),kt={attribute:!0,type:String,converter:He,reflect:!1,useDefault:!1,hasChanged:ct};Symbol.metadata??=Symbol("metadata"),Ve.litPropertyMetadata??=new WeakMap;let pe=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,s=kt){if(s.state&&(s.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((s=Object.create(s)).wrapped=!0),this.elementProperties.set(e,s),!s.noAccessor){const n=Symbol(),i=this.getPropertyDescriptor(e,n,s);i!==void 0&&gs(this.prototype,e,i)}}static getPropertyDescriptor(e,s,n){const{get:i,set:r}=fs(this.prototype,e)??{get(){return this[s]},set(a){this[s]=a}};return{get:i,set(a){const p=i?.call(this);r?.call(this,a),this.requestUpdate(e,p,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??kt}static _$Ei(){if(this.hasOwnProperty(_e("elementProperties")))return;const e=ys(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(_e("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(_e("properties"))){const s=this.properties,n=[...vs(s),...bs(s)];for(const i of n)this.createProperty(i,s[i])}const e=this[Symbol.metadata];if(e!==null){const s=litPropertyMetadata.get(e);if(s!==void 0)for(const[n,i]of s)this.elementProperties.set(n,i)}this._$Eh=new Map;for(const[s,n]of this.elementProperties){const i=this._$Eu(s,n);i!==void 0&&this._$Eh.set(i,s)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const s=[];if(Array.isArray(e)){const n=new Set(e.flat(1/0).reverse());for(const i of n)s.unshift(wt(i))}else e!==void 0&&s.push(wt(e));return s}static _$Eu(e,s){const n=s.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,s=this.constructor.elementProperties;for(const n of s.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ds(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,s,n){this._$AK(e,n)}_$ET(e,s){const n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){const r=(n.converter?.toAttribute!==void 0?n.converter:He).toAttribute(s,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,s){const n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){const r=n.getPropertyOptions(i),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:He;this._$Em=i;const p=a.fromAttribute(s,r.type);this[i]=p??this._$Ej?.get(i)??p,this._$Em=null}}requestUpdate(e,s,n,i=!1,r){if(e!==void 0){const a=this.constructor;if(i===!1&&(r=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??ct)(r,s)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,s,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,s,{useDefault:n,reflect:i,wrapped:r},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??s??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(s=void 0),this._$AL.set(e,s)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(s){Promise.reject(s)}const e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}const n=this.constructor.elementProperties;if(n.size>0)for(const[i,r]of n){const{wrapped:a}=r,p=this[i];a!==!0||this._$AL.has(i)||p===void 0||this.C(i,void 0,r,p)}}let e=!1;const s=this._$AL;try{e=this.shouldUpdate(s),e?(this.willUpdate(s),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(s)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(s)}willUpdate(e){}_$AE(e){this._$EO?.forEach(s=>s.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(s=>this._$ET(s,this[s])),this._$EM()}updated(e){}firstUpdated(e){}};pe.elementStyles=[],pe.shadowRootOptions={mode:"open"},pe[_e("elementProperties")]=new Map,pe[_e("finalized")]=new Map,ws?.({ReactiveElement:pe}),(Ve.reactiveElementVersions??=[]).push("2.1.2");const lt=globalThis,xt=t=>t,qe=lt.trustedTypes,St=qe?qe.createPolicy("lit-html",{createHTML:t=>t}):void 0,Vt="$lit$",W=`lit$${Math.random().toFixed(9).slice(2)}$`,Jt="?"+W,_s=`<${Jt}>`,X=document,Ae=()=>X.createComment(""),Ce=t=>t===null||typeof t!="object"&&typeof t!="function",ht=Array.isArray,ks=t=>ht(t)||typeof t?.[Symbol.iterator]=="function",Ye=`[ 	
\f\r]`,$e=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,At=/-->/g,Ct=/>/g,Y=RegExp(`>|${Ye}(?:([^\\s"'>=/]+)(${Ye}*=${Ye}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Et=/'/g,Ot=/"/g,Gt=/^(?:script|style|textarea|title)$/i,Kt=t=>(e,...s)=>({_$litType$:t,strings:e,values:s}),c=Kt(1),xs=Kt(2),D=Symbol.for("lit-noChange"),h=Symbol.for("lit-nothing"),Pt=new WeakMap,Z=X.createTreeWalker(X,129);function Yt(t,e){if(!ht(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return St!==void 0?St.createHTML(e):e}const Ss=(t,e)=>{const s=t.length-1,n=[];let i,r=e===2?"<svg>":e===3?"<math>":"",a=$e;for(let p=0;p<s;p++){const l=t[p];let u,g,f=-1,v=0;for(;v<l.length&&(a.lastIndex=v,g=a.exec(l),g!==null);)v=a.lastIndex,a===$e?g[1]==="!--"?a=At:g[1]!==void 0?a=Ct:g[2]!==void 0?(Gt.test(g[2])&&(i=RegExp("</"+g[2],"g")),a=Y):g[3]!==void 0&&(a=Y):a===Y?g[0]===">"?(a=i??$e,f=-1):g[1]===void 0?f=-2:(f=a.lastIndex-g[2].length,u=g[1],a=g[3]===void 0?Y:g[3]==='"'?Ot:Et):a===Ot||a===Et?a=Y:a===At||a===Ct?a=$e:(a=Y,i=void 0);const $=a===Y&&t[p+1].startsWith("/>")?" ":"";r+=a===$e?l+_s:f>=0?(n.push(u),l.slice(0,f)+Vt+l.slice(f)+W+$):l+W+(f===-2?p:$)}return[Yt(t,r+(t[s]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]};class Ee{constructor({strings:e,_$litType$:s},n){let i;this.parts=[];let r=0,a=0;const p=e.length-1,l=this.parts,[u,g]=Ss(e,s);if(this.el=Ee.createElement(u,n),Z.currentNode=this.el.content,s===2||s===3){const f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(i=Z.nextNode())!==null&&l.length<p;){if(i.nodeType===1){if(i.hasAttributes())for(const f of i.getAttributeNames())if(f.endsWith(Vt)){const v=g[a++],$=i.getAttribute(f).split(W),P=/([.?@])?(.*)/.exec(v);l.push({type:1,index:r,name:P[2],strings:$,ctor:P[1]==="."?Cs:P[1]==="?"?Es:P[1]==="@"?Os:Je}),i.removeAttribute(f)}else f.startsWith(W)&&(l.push({type:6,index:r}),i.removeAttribute(f));if(Gt.test(i.tagName)){const f=i.textContent.split(W),v=f.length-1;if(v>0){i.textContent=qe?qe.emptyScript:"";for(let $=0;$<v;$++)i.append(f[$],Ae()),Z.nextNode(),l.push({type:2,index:++r});i.append(f[v],Ae())}}}else if(i.nodeType===8)if(i.data===Jt)l.push({type:2,index:r});else{let f=-1;for(;(f=i.data.indexOf(W,f+1))!==-1;)l.push({type:7,index:r}),f+=W.length-1}r++}}static createElement(e,s){const n=X.createElement("template");return n.innerHTML=e,n}}function me(t,e,s=t,n){if(e===D)return e;let i=n!==void 0?s._$Co?.[n]:s._$Cl;const r=Ce(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(t),i._$AT(t,s,n)),n!==void 0?(s._$Co??=[])[n]=i:s._$Cl=i),i!==void 0&&(e=me(t,i._$AS(t,e.values),i,n)),e}class As{constructor(e,s){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=s}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:s},parts:n}=this._$AD,i=(e?.creationScope??X).importNode(s,!0);Z.currentNode=i;let r=Z.nextNode(),a=0,p=0,l=n[0];for(;l!==void 0;){if(a===l.index){let u;l.type===2?u=new Ne(r,r.nextSibling,this,e):l.type===1?u=new l.ctor(r,l.name,l.strings,this,e):l.type===6&&(u=new Ps(r,this,e)),this._$AV.push(u),l=n[++p]}a!==l?.index&&(r=Z.nextNode(),a++)}return Z.currentNode=X,i}p(e){let s=0;for(const n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,s),s+=n.strings.length-2):n._$AI(e[s])),s++}}class Ne{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,s,n,i){this.type=2,this._$AH=h,this._$AN=void 0,this._$AA=e,this._$AB=s,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const s=this._$AM;return s!==void 0&&e?.nodeType===11&&(e=s.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,s=this){e=me(this,e,s),Ce(e)?e===h||e==null||e===""?(this._$AH!==h&&this._$AR(),this._$AH=h):e!==this._$AH&&e!==D&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):ks(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==h&&Ce(this._$AH)?this._$AA.nextSibling.data=e:this.T(X.createTextNode(e)),this._$AH=e}$(e){const{values:s,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=Ee.createElement(Yt(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(s);else{const r=new As(i,this),a=r.u(this.options);r.p(s),this.T(a),this._$AH=r}}_$AC(e){let s=Pt.get(e.strings);return s===void 0&&Pt.set(e.strings,s=new Ee(e)),s}k(e){ht(this._$AH)||(this._$AH=[],this._$AR());const s=this._$AH;let n,i=0;for(const r of e)i===s.length?s.push(n=new Ne(this.O(Ae()),this.O(Ae()),this,this.options)):n=s[i],n._$AI(r),i++;i<s.length&&(this._$AR(n&&n._$AB.nextSibling,i),s.length=i)}_$AR(e=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);e!==this._$AB;){const n=xt(e).nextSibling;xt(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}}class Je{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,s,n,i,r){this.type=1,this._$AH=h,this._$AN=void 0,this.element=e,this.name=s,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=h}_$AI(e,s=this,n,i){const r=this.strings;let a=!1;if(r===void 0)e=me(this,e,s,0),a=!Ce(e)||e!==this._$AH&&e!==D,a&&(this._$AH=e);else{const p=e;let l,u;for(e=r[0],l=0;l<r.length-1;l++)u=me(this,p[n+l],s,l),u===D&&(u=this._$AH[l]),a||=!Ce(u)||u!==this._$AH[l],u===h?e=h:e!==h&&(e+=(u??"")+r[l+1]),this._$AH[l]=u}a&&!i&&this.j(e)}j(e){e===h?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class Cs extends Je{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===h?void 0:e}}class Es extends Je{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==h)}}class Os extends Je{constructor(e,s,n,i,r){super(e,s,n,i,r),this.type=5}_$AI(e,s=this){if((e=me(this,e,s,0)??h)===D)return;const n=this._$AH,i=e===h&&n!==h||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==h&&(n===h||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class Ps{constructor(e,s,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=s,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){me(this,e)}}const Is=lt.litHtmlPolyfillSupport;Is?.(Ee,Ne),(lt.litHtmlVersions??=[]).push("3.3.3");const Ts=(t,e,s)=>{const n=s?.renderBefore??e;let i=n._$litPart$;if(i===void 0){const r=s?.renderBefore??null;n._$litPart$=i=new Ne(e.insertBefore(Ae(),r),r,void 0,s??{})}return i._$AI(t),i};const pt=globalThis;let ke=class extends pe{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const s=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=Ts(s,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return D}};ke._$litElement$=!0,ke.finalized=!0,pt.litElementHydrateSupport?.({LitElement:ke});const Ns=pt.litElementPolyfillSupport;Ns?.({LitElement:ke});(pt.litElementVersions??=[]).push("4.2.2");const A=t=>(e,s)=>{s!==void 0?s.addInitializer(()=>{customElements.define(t,e)}):customElements.define(t,e)};const Us={attribute:!0,type:String,converter:He,reflect:!1,hasChanged:ct},Ds=(t=Us,e,s)=>{const{kind:n,metadata:i}=s;let r=globalThis.litPropertyMetadata.get(i);if(r===void 0&&globalThis.litPropertyMetadata.set(i,r=new Map),n==="setter"&&((t=Object.create(t)).wrapped=!0),r.set(s.name,t),n==="accessor"){const{name:a}=s;return{set(p){const l=e.get.call(this);e.set.call(this,p),this.requestUpdate(a,l,t,!0,p)},init(p){return p!==void 0&&this.C(a,void 0,t,p),p}}}if(n==="setter"){const{name:a}=s;return function(p){const l=this[a];e.call(this,p),this.requestUpdate(a,l,t,!0,p)}}throw Error("Unsupported decorator location: "+n)};function S(t){return(e,s)=>typeof s=="object"?Ds(t,e,s):((n,i,r)=>{const a=i.hasOwnProperty(r);return i.constructor.createProperty(r,n),a?Object.getOwnPropertyDescriptor(i,r):void 0})(t,e,s)}function d(t){return S({...t,state:!0,attribute:!1})}const Rs={"app.name":"OrbitHub","app.offline":"Offline: showing the saved app; changes need the hub.","app.live":"Live","app.reconnecting":"Reconnecting…","app.loading":"Loading…","app.retry":"Retry","app.close":"Close","app.save":"Save","app.cancel":"Cancel","app.none":"Nothing here yet.","app.unavailable":"Not available on this hub.","nav.home":"Home","nav.energy":"Energy","nav.activity":"Activity","nav.alerts":"Inbox","nav.more":"More","login.title":"Sign in to OrbitHub","login.username":"User name","login.password":"Password","login.submit":"Sign in","login.failed":"Sign-in failed: {message}","onboarding.title":"Welcome! Create the owner account","onboarding.intro":"This hub has no users yet. The first account owns the hub.","onboarding.display_name":"Your name","onboarding.submit":"Create owner",logout:"Sign out","spaces.rooms_all":"All rooms","spaces.no_room":"Whole space","spaces.empty":"No devices you may see here.","spaces.kind.home":"Home","spaces.kind.office":"Office","spaces.kind.vehicle":"Car","device.online":"Online","device.offline":"Offline","device.read_only":"View only","device.details":"Details","device.confirmed":"{name}: done","device.not_confirmed":"{name}: sent, the device has not confirmed yet","device.not_found":"This device does not exist or you may not see it.","device.history":"History","device.no_history":"No history recorded for this range.","device.back":"Back","device.decrease":"Decrease","device.increase":"Increase","confirm.unlock":"Unlock {name}?","confirm.open":"Open {name}?","confirm.disarm":"Disarm {name}?","confirm.unlock_button":"Unlock","confirm.open_button":"Open","confirm.disarm_button":"Disarm","range.hour":"1 h","range.day":"24 h","range.week":"7 days","range.month":"30 days","energy.title":"Energy","energy.day":"Day","energy.month":"Month","energy.by_device":"By device","energy.by_room":"By room","energy.total":"Total {value} {unit}","car.title":"Car","car.battery":"Battery","car.range":"Range","car.charging":"Charging","car.limit":"Charge limit","car.climate":"Charging, cabin climate and doors","car.location":"Location","car.plan":"Charging plan","car.eta":"Arrival","car.home":"Home","car.office":"Office","car.distance":"{km} km from home","car.eta_line":"{place}: {time} (in {minutes} min)","activity.title":"Activity","activity.events":"Events","activity.audit":"Audit log","activity.online":"{device} is online","activity.offline":"{device} went offline","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"on","activity.off":"off","activity.zone_enter":"{device} entered {space}","activity.zone_leave":"{device} left {space}","activity.arrived":"{person} arrived at {space}","activity.left":"{person} left {space}","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Someone","assistant.placeholder":"Ask or command, e.g. “turn on the kitchen light”","assistant.send":"Send","assistant.all":"All of them","assistant.cancel":"Cancel","assistant.choices":"Choose one","notifications.title":"Notifications","notifications.mark_read":"Mark read","automations.title":"Automations","automations.last_run":"Last run {time}: {outcome}","automations.never":"Never run","automations.why":"Why?","automations.why_none":"No recent check of its triggers held it back.","automations.enabled":"On","automations.disabled":"Off","insights.suggestions":"Suggestions","insights.alerts":"Alerts","insights.accept":"Accept","insights.reject":"Reject","insights.dismiss":"Dismiss","users.title":"Users and access","users.create":"Add user","users.role":"Role","users.display_name":"Display name","users.role.owner":"Owner","users.role.adult":"Adult","users.role.child":"Child","users.role.guest":"Guest","users.grants":"Access","users.grant":"Grant access","users.revoke":"Revoke","users.delete":"Remove user","users.space":"Space","users.rooms":"Rooms (none ticked: the whole space)","users.devices":"Device ids (comma-separated, optional)","users.expires":"Expires (optional)","users.whole_space":"whole space","users.until":"until {time}","settings.title":"Settings","settings.language":"Language","settings.companion":"Use this phone as a companion (location and battery)","settings.companion_hint":"Reports go to your hub only, while the app is open.","settings.push":"Push notifications","settings.push_on":"Enable push","settings.push_done":"Push notifications are on for this browser.","settings.push_unavailable":"Push is not available (the hub or this browser lacks it).","settings.signed_in_as":"Signed in as {name} ({role})","settings.security_notices":"Tell me when a child or guest unlocks a door or opens the garage","users.counts_for_presence":"Their phone counts toward who is home","more.title":"More","error.offline":"The hub cannot be reached. Check the connection and try again.","error.generic":"Something went wrong ({status}).","device.unavailable":"Unavailable","device.favourite":"Favourite","glance.title":"At a glance","glance.people":"At home","glance.nobody":"Nobody","glance.inside":"Inside","glance.doors":"Doors and locks","glance.all_locked":"All locked","glance.unlocked_named":"{names} unlocked","glance.open_count":"{count} open","glance.doors_closed":"Doors closed","glance.secure":"Locked and closed","glance.energy":"Energy today","glance.eta":"{place} in {minutes} min","glance.charging":"Charging","glance.locked":"Locked","glance.unlocked":"Unlocked","glance.open":"Open","glance.closed":"Closed","glance.motion":"Motion now","glance.no_motion":"No motion","glance.on":"On","glance.off":"Off","glance.position":"{value}% open","glance.battery":"Battery {value}%","scenes.title":"Scenes","scenes.done":"{name}: done","scenes.partial":"{name}: {count} not set ({reason})","spaces.favourites":"Favourites","spaces.on_count":"{count} on","spaces.all_off":"All off"},Ms={"app.name":"OrbitHub","app.offline":"离线：正在显示已保存的应用；操作需要连接到中枢。","app.live":"实时","app.reconnecting":"正在重新连接…","app.loading":"加载中…","app.retry":"重试","app.close":"关闭","app.save":"保存","app.cancel":"取消","app.none":"这里还没有内容。","app.unavailable":"此中枢不提供该功能。","nav.home":"家居","nav.energy":"能耗","nav.activity":"动态","nav.alerts":"消息","nav.more":"更多","login.title":"登录 OrbitHub","login.username":"用户名","login.password":"密码","login.submit":"登录","login.failed":"登录失败：{message}","onboarding.title":"欢迎！请创建所有者账户","onboarding.intro":"此中枢还没有用户。第一个账户将成为所有者。","onboarding.display_name":"你的名字","onboarding.submit":"创建所有者",logout:"退出登录","spaces.rooms_all":"全部房间","spaces.no_room":"整个空间","spaces.empty":"这里没有你可以查看的设备。","spaces.kind.home":"家","spaces.kind.office":"办公室","spaces.kind.vehicle":"汽车","device.online":"在线","device.offline":"离线","device.read_only":"仅可查看","device.details":"详情","device.confirmed":"{name}：已完成","device.not_confirmed":"{name}：已发送，设备尚未确认","device.not_found":"该设备不存在，或你无权查看。","device.history":"历史记录","device.no_history":"该时间段没有历史记录。","device.back":"返回","device.decrease":"减少","device.increase":"增加","confirm.unlock":"要解锁{name}吗？","confirm.open":"要打开{name}吗？","confirm.disarm":"要撤防{name}吗？","confirm.unlock_button":"解锁","confirm.open_button":"打开","confirm.disarm_button":"撤防","range.hour":"1 小时","range.day":"24 小时","range.week":"7 天","range.month":"30 天","energy.title":"能耗","energy.day":"按日","energy.month":"按月","energy.by_device":"按设备","energy.by_room":"按房间","energy.total":"合计 {value} {unit}","car.title":"汽车","car.battery":"电量","car.range":"续航","car.charging":"充电","car.limit":"充电上限","car.climate":"充电、车内空调与车门","car.location":"位置","car.plan":"充电计划","car.eta":"预计到达","car.home":"家","car.office":"办公室","car.distance":"距家 {km} 公里","car.eta_line":"{place}：{time}（{minutes} 分钟后）","activity.title":"动态","activity.events":"事件","activity.audit":"审计日志","activity.online":"{device} 已上线","activity.offline":"{device} 已离线","activity.command":"{actor}：{device} · {property} → {value}","activity.command_call":"{actor}：{device} · {property}","activity.on":"开","activity.off":"关","activity.zone_enter":"{device} 进入了 {space}","activity.zone_leave":"{device} 离开了 {space}","activity.arrived":"{person} 到达 {space}","activity.left":"{person} 离开 {space}","activity.automation":"自动化 {id}：{outcome}","activity.event":"{device}：{event}","activity.someone":"有人","assistant.placeholder":"提问或下达指令，例如“打开厨房灯”","assistant.send":"发送","assistant.all":"全部","assistant.cancel":"取消","assistant.choices":"选择一个","notifications.title":"通知","notifications.mark_read":"标为已读","automations.title":"自动化","automations.last_run":"上次运行 {time}：{outcome}","automations.never":"从未运行","automations.why":"为什么？","automations.why_none":"最近没有被拦下的触发检查。","automations.enabled":"已启用","automations.disabled":"已停用","insights.suggestions":"建议","insights.alerts":"警报","insights.accept":"采纳","insights.reject":"拒绝","insights.dismiss":"忽略","users.title":"用户与权限","users.create":"添加用户","users.role":"角色","users.display_name":"显示名称","users.role.owner":"所有者","users.role.adult":"成人","users.role.child":"儿童","users.role.guest":"访客","users.grants":"访问权限","users.grant":"授予权限","users.revoke":"撤销","users.delete":"删除用户","users.space":"空间","users.rooms":"房间（不勾选即整个空间）","users.devices":"设备 ID（逗号分隔，可选）","users.expires":"到期时间（可选）","users.whole_space":"整个空间","users.until":"至 {time}","settings.title":"设置","settings.language":"语言","settings.companion":"将此手机用作伴侣设备（位置和电量）","settings.companion_hint":"仅在应用打开时上报，且只发送到你的中枢。","settings.push":"推送通知","settings.push_on":"开启推送","settings.push_done":"此浏览器已开启推送通知。","settings.push_unavailable":"推送不可用（中枢或此浏览器不支持）。","settings.signed_in_as":"当前用户：{name}（{role}）","settings.security_notices":"孩子或访客开锁、打开车库门时通知我","users.counts_for_presence":"其手机计入在家人员","more.title":"更多","error.offline":"无法连接到中枢。请检查网络后重试。","error.generic":"出错了（{status}）。","device.unavailable":"不可用","device.favourite":"收藏","glance.title":"概览","glance.people":"在家","glance.nobody":"没有人","glance.inside":"室内","glance.doors":"门和门锁","glance.all_locked":"全部已锁","glance.unlocked_named":"{names}未锁","glance.open_count":"{count} 个开着","glance.doors_closed":"门已关","glance.secure":"已锁好，门已关","glance.energy":"今日用电","glance.eta":"{minutes} 分钟后到{place}","glance.charging":"充电中","glance.locked":"已上锁","glance.unlocked":"未上锁","glance.open":"开着","glance.closed":"关着","glance.motion":"有人移动","glance.no_motion":"无人移动","glance.on":"开","glance.off":"关","glance.position":"开 {value}%","glance.battery":"电量 {value}%","scenes.title":"场景","scenes.done":"{name}：完成","scenes.partial":"{name}：{count} 项未设置（{reason}）","spaces.favourites":"收藏","spaces.on_count":"{count} 个开着","spaces.all_off":"全部关闭"},It={on:"开关",brightness:"亮度","color-temperature":"色温",mode:"模式","target-temperature":"目标温度","fan-level":"风速",temperature:"温度","outside-temperature":"车外温度","relative-humidity":"相对湿度","electric-power":"功率","power-consumption":"用电量",voltage:"电压","electric-current":"电流","battery-level":"电量",charging:"充电中","charging-state":"充电状态","charge-limit":"充电上限",range:"续航",speed:"速度",odometer:"里程",latitude:"纬度",longitude:"经度",heading:"方向",locked:"已上锁","door-state":"门状态","operation-method":"开锁方式","motor-control":"电机控制","current-position":"当前位置","target-position":"目标位置",status:"状态","cleaned-area":"清扫面积","max-current":"最大电流",plugged:"已插枪",toggle:"切换","start-sweep":"开始清扫","stop-sweeping":"停止清扫","return-to-dock":"回充","start-charge":"开始充电","stop-charge":"停止充电",Auto:"自动",Cool:"制冷",Dry:"除湿",Heat:"制热",Fan:"送风",Low:"低",Medium:"中",High:"高",Pause:"暂停",Open:"打开",Close:"关闭",Closed:"已关闭",Idle:"空闲",Charging:"充电中",Finished:"已完成",Complete:"已充满",Fault:"故障",Disconnected:"未连接",Plugged:"已插枪",Sweeping:"清扫中",Paused:"已暂停",Error:"错误",Returning:"返回中",Key:"钥匙",App:"应用",Fingerprint:"指纹",Password:"密码","reset-filter-life":"重置滤芯寿命","self-test":"自检",accuracy:"定位精度","at-home":"在家",channel:"频道","contact-state":"门窗关闭","filter-life-level":"滤芯剩余寿命",illumination:"光照度","motion-state":"有人移动",mute:"静音","pm2.5-density":"PM2.5 浓度","smoke-concentration":"烟雾浓度","smoke-detected":"检测到烟雾",ssid:"已连接的 Wi-Fi",volume:"音量",Eco:"节能",Favorite:"最爱","Frost Protection":"防冻",Manual:"手动","No Faults":"无故障","Sensor Fault":"传感器故障",Sleep:"睡眠"},Zt=[{code:"en",label:"English"},{code:"zh-CN",label:"简体中文"}],Xt="orbithub.language",et=new EventTarget;function Ls(){const t=localStorage.getItem(Xt);return t==="en"||t==="zh-CN"?t:navigator.language.toLowerCase().startsWith("zh")?"zh-CN":"en"}let R=Ls();document.documentElement.lang=R;function N(){return R}function ut(t){t!==R&&(R=t,localStorage.setItem(Xt,t),document.documentElement.lang=t,et.dispatchEvent(new Event("change")))}function js(t){return et.addEventListener("change",t),()=>et.removeEventListener("change",t)}function o(t,e={}){return(R==="zh-CN"?Ms[t]:Rs[t]).replace(/\{(\w+)\}/g,(n,i)=>String(e[i]??`{${i}}`))}function Oe(t,e){return R==="zh-CN"?It[t]??It[e]??e:e}function x(t,e=[]){return R!=="zh-CN"?t:e.find(s=>/[\u4e00-\u9fff]/.test(s))??t}const zs={celsius:"°C",percentage:"%",kelvin:"K",watt:"W",kWh:"kWh",volt:"V",ampere:"A",km:"km","km/h":"km/h",meters:"m",m2:"m²",degree:"°"};function Pe(t){return!t||t==="none"?"":zs[t]??t}function Q(t,e){const s={month:"short",day:"numeric",hour:"2-digit",minute:"2-digit"};try{return new Date(t*1e3).toLocaleString(R,{...s,timeZone:e})}catch{return new Date(t*1e3).toLocaleString(R,s)}}function k(t,e=1){return t.toLocaleString(R,{maximumFractionDigits:e})}const Ze="orbithub.tokens";class F extends Error{constructor(e,s,n,i=null){super(n),this.status=e,this.code=s,this.detail=i}get missing(){return this.status===404||this.status===503}}class Hs extends EventTarget{constructor(){super(),this.tokens=null,this.refreshing=null;try{this.tokens=JSON.parse(localStorage.getItem(Ze)??"null")}catch{this.tokens=null}}get signedIn(){return this.tokens!==null}get accessToken(){return this.tokens?.access_token??null}keep(e){this.tokens={access_token:e.access_token,refresh_token:e.refresh_token},localStorage.setItem(Ze,JSON.stringify(this.tokens)),this.dispatchEvent(new Event("tokens"))}forget(){this.tokens=null,localStorage.removeItem(Ze),this.dispatchEvent(new Event("signedout"))}async login(e,s){const n=await this.request("POST","/api/auth/login",{username:e,password:s},!1);return this.keep(n),n.user}async logout(){const e=this.tokens?.refresh_token;e&&await this.request("POST","/api/auth/logout",{refresh_token:e},!1).catch(()=>null),this.forget()}refresh(){if(this.refreshing)return this.refreshing;const e=this.tokens?.refresh_token;return e?(this.refreshing=this.request("POST","/api/auth/refresh",{refresh_token:e},!1).then(s=>(this.keep(s),!0)).catch(s=>(s instanceof F&&s.status!==0&&this.forget(),!1)).finally(()=>{this.refreshing=null}),this.refreshing):Promise.resolve(!1)}get(e){return this.request("GET",e)}async optional(e){try{return await this.get(e)}catch(s){if(s instanceof F&&s.missing)return null;throw s}}async request(e,s,n,i=!0){let r=await this.send(e,s,n,i);if(r.status===401&&i&&await this.refresh()&&(r=await this.send(e,s,n,i)),r.status===401&&i&&this.forget(),!r.ok)throw await qs(r);if(r.status===204)return;const a=await r.text();return a?JSON.parse(a):void 0}async send(e,s,n,i){const r={Accept:"application/json"};n!==void 0&&(r["Content-Type"]="application/json"),i&&this.tokens&&(r.Authorization=`Bearer ${this.tokens.access_token}`);try{return await fetch(s,{method:e,headers:r,body:n===void 0?void 0:JSON.stringify(n)})}catch{throw new F(0,"offline",o("error.offline"))}}}async function qs(t){try{const e=await t.json(),s=e.message??(typeof e.detail=="string"?e.detail:null);return new F(t.status,e.code??"error",s??o("error.generic",{status:t.status}),e.detail??null)}catch{return new F(t.status,"error",o("error.generic",{status:t.status}))}}const m=new Hs;function y(t){return t instanceof Error?t.message:String(t)}const dt="orbithub.cache.";function Be(t,e){try{localStorage.setItem(dt+t,JSON.stringify(e))}catch{}}function Ie(t){try{return JSON.parse(localStorage.getItem(dt+t)??"null")}catch{return null}}function Bs(){for(const t of Object.keys(localStorage))t.startsWith(dt)&&localStorage.removeItem(t)}const Qt="orbithub.companion",We="orbithub.companion.phone",Ws=6e4;let xe=null,Tt=0;function es(){return localStorage.getItem(Qt)==="on"}async function Fs(t){localStorage.setItem(Qt,t?"on":"off"),t?await ts():mt()}async function ts(){if(!es()||xe!==null)return;const t=await Js(),e=await Nt();if(!("geolocation"in navigator)){e&&await Xe(t,{battery:e});return}xe=navigator.geolocation.watchPosition(s=>{const n=Date.now();if(n-Tt<Ws)return;Tt=n;const{latitude:i,longitude:r,accuracy:a,speed:p}=s.coords;Nt().then(l=>Xe(t,{location:{latitude:i,longitude:r,accuracy:a,speed:p},...l?{battery:l}:{}}))},()=>{e&&Xe(t,{battery:e})},{enableHighAccuracy:!1,maximumAge:6e4})}function Vs(){mt(),localStorage.removeItem(We)}function mt(){xe!==null&&navigator.geolocation.clearWatch(xe),xe=null}async function Js(){const t=JSON.parse(localStorage.getItem(We)??"null");if(t)return t;const e=navigator.userAgent.includes("Mobile")?"Phone (web app)":"Browser (web app)",s=await m.request("POST","/api/companion/register",{name:e});return localStorage.setItem(We,JSON.stringify(s)),s}async function Nt(){const t=navigator;if(!t.getBattery)return null;try{const e=await t.getBattery();return{level:Math.round(e.level*100),charging:e.charging}}catch{return null}}async function Xe(t,e){(await fetch("/api/companion/report",{method:"POST",headers:{"Content-Type":"application/json",Authorization:`Bearer ${t.token}`},body:JSON.stringify({...e,time:Date.now()/1e3})}).catch(()=>null))?.status===401&&(localStorage.removeItem(We),mt())}const ss="orbithub.favourites.",Fe=new EventTarget;let Te="";function Ut(t){Te=t,Fe.dispatchEvent(new Event("change"))}function gt(){if(!Te)return[];try{const t=JSON.parse(localStorage.getItem(ss+Te)??"[]");return Array.isArray(t)?t.filter(e=>typeof e=="string"):[]}catch{return[]}}function Dt(t){return gt().includes(t)}function Gs(t,e){if(!Te)return;const s=gt().filter(n=>n!==t);e&&s.push(t);try{localStorage.setItem(ss+Te,JSON.stringify(s))}catch{}Fe.dispatchEvent(new Event("change"))}function is(t){return Fe.addEventListener("change",t),()=>Fe.removeEventListener("change",t)}class Ks extends EventTarget{constructor(){super(...arguments),this.devices=new Map,this.specs=new Map}get(e){return this.devices.get(e)}all(){return[...this.devices.values()]}put(e){for(const s of e){const n=this.devices.get(s.id);this.devices.set(s.id,{...s,spec:s.spec??n?.spec}),s.spec&&this.specs.set(s.id,Promise.resolve(s.spec))}this.changed()}setValue(e,s,n,i){const r=this.devices.get(e);if(!r)return;const a={...r.state,[s]:{...r.state[s],value:n,last_changed:i}};this.devices.set(e,{...r,state:a}),this.changed()}setOnline(e,s){const n=this.devices.get(e);n&&(this.devices.set(e,{...n,online:s}),this.changed())}spec(e){let s=this.specs.get(e);return s||(s=m.get(`/api/devices/${encodeURIComponent(e)}`).then(n=>(this.put([n]),n.spec??null)).catch(()=>(this.specs.delete(e),null)),this.specs.set(e,s)),s}clear(){this.devices.clear(),this.specs.clear(),this.changed()}changed(){this.dispatchEvent(new Event("change"))}}const b=new Ks;class C extends ke{constructor(){super(...arguments),this.watchesDevices=!1,this.stopLanguage=null,this.onStore=()=>this.requestUpdate()}connectedCallback(){super.connectedCallback(),this.stopLanguage=js(()=>this.requestUpdate()),this.watchesDevices&&b.addEventListener("change",this.onStore)}disconnectedCallback(){super.disconnectedCallback(),this.stopLanguage?.(),b.removeEventListener("change",this.onStore)}}const Ys=500,Zs=3e4,Xs=new Set([1008,4001,4401,4403]);class Qs extends EventTarget{constructor(){super(),this.status="offline",this.socket=null,this.subscription={},this.lastSeq=null,this.epoch=null,this.attempts=0,this.running=!1,m.addEventListener("tokens",()=>{const e=m.accessToken;e&&this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"auth",token:e}))})}start(){this.running||(this.running=!0,this.connect())}stop(){this.running=!1,window.clearTimeout(this.timer),this.socket?.close(1e3),this.socket=null,this.lastSeq=null,this.epoch=null,this.setStatus("offline")}follow(e){const s=JSON.stringify(e)===JSON.stringify(this.subscription);this.subscription=e,s||(this.lastSeq=null,this.sendSubscribe())}connect(){const e=m.accessToken;if(!this.running||!e)return;this.setStatus("connecting");const s=location.protocol==="https:"?"wss":"ws",n=new WebSocket(`${s}://${location.host}/api/ws`);this.socket=n,n.onopen=()=>{n.send(JSON.stringify({type:"auth",token:e})),this.sendSubscribe()},n.onmessage=i=>{let r;try{r=JSON.parse(String(i.data))}catch{return}this.attempts=0,this.setStatus("live"),this.handle(r)},n.onclose=i=>{this.socket===n&&(this.socket=null,this.setStatus("offline"),this.running&&(Xs.has(i.code)?m.refresh().then(r=>r&&this.schedule()):this.schedule()))}}schedule(){const e=Math.min(Zs,Ys*2**this.attempts);this.attempts+=1,window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>this.connect(),e/2+Math.random()*(e/2))}sendSubscribe(){this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"subscribe",spaces:this.subscription.spaces??[],rooms:this.subscription.rooms??[],devices:this.subscription.devices??[],since_seq:this.lastSeq,epoch:this.lastSeq===null?null:this.epoch}))}handle(e){switch(typeof e.epoch=="string"&&e.epoch!==this.epoch&&(this.epoch=e.epoch,this.lastSeq=null),typeof e.seq=="number"&&(this.lastSeq=Math.max(this.lastSeq??0,e.seq)),e.type){case"snapshot":typeof e.seq=="number"&&(this.lastSeq=e.seq),b.put(e.devices);break;case"changed":{const s=e;b.setValue(s.device_id,s.path,s.value,s.time);break}case"online":{const s=e;b.setOnline(s.device_id,s.online);break}case"resync":this.lastSeq=null;break}this.dispatchEvent(new CustomEvent("message",{detail:e}))}setStatus(e){e!==this.status&&(this.status=e,this.dispatchEvent(new Event("status")))}}const T=new Qs,E=O`
  :host {
    display: block;
    color: var(--fg);
    font: inherit;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.2;
  }
  h1 {
    font-size: 1.35rem;
  }
  h2 {
    font-size: 1.1rem;
  }
  h3 {
    font-size: 1rem;
  }
  .card {
    background: var(--card);
    border-radius: 14px;
    padding: 0.85rem 1rem;
    margin: 0 0 0.75rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .between {
    justify-content: space-between;
  }
  .muted {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .error {
    color: var(--danger);
    font-size: 0.9rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    border: 0;
    border-radius: 10px;
    padding: 0.55rem 0.9rem;
    background: var(--chip);
    cursor: pointer;
    min-height: 40px;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input[type='text'],
  input[type='password'],
  input[type='datetime-local'],
  select {
    width: 100%;
    padding: 0.6rem 0.7rem;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--bg);
    min-height: 44px;
  }
  label {
    display: block;
    margin: 0.5rem 0;
  }
  .chips {
    display: flex;
    gap: 0.4rem;
    overflow-x: auto;
    padding-bottom: 0.5rem;
    scrollbar-width: none;
  }
  .chips button {
    white-space: nowrap;
    border-radius: 999px;
  }
  .chips button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--line);
  }
`;var ei=Object.defineProperty,ti=Object.getOwnPropertyDescriptor,Ge=(t,e,s,n)=>{for(var i=n>1?void 0:n?ti(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&ei(e,s,i),i};let ge=class extends C{constructor(){super(...arguments),this.onboarding=null,this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),m.get("/api/onboarding").then(t=>this.onboarding=t.needed,t=>{this.onboarding=!1,this.error=y(t)})}render(){const t=this.onboarding===!0;return c`
      <section class="card">
        <h1>${o(t?"onboarding.title":"login.title")}</h1>
        ${t?c`<p>${o("onboarding.intro")}</p>`:h}
        <form @submit=${this.submit}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${t?c`<label>${o("onboarding.display_name")}<input type="text" name="display_name" autocomplete="name" /></label>`:h}
          <label>${o("login.password")}
            <input type="password" name="password" required autocomplete=${t?"new-password":"current-password"} /></label>
          <button class="primary" ?disabled=${this.busy||this.onboarding===null}>
            ${o(t?"onboarding.submit":"login.submit")}</button>
        </form>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
        <label>${o("settings.language")}
          <select @change=${e=>ut(e.target.value)}>
            ${Zt.map(e=>c`<option value=${e.code} ?selected=${e.code===N()}>${e.label}</option>`)}
          </select>
        </label>
      </section>
    `}async submit(t){t.preventDefault();const e=new FormData(t.target),s=String(e.get("username")??"").trim(),n=String(e.get("password")??"");this.busy=!0,this.error="";try{if(this.onboarding){const i=await m.request("POST","/api/onboarding",{username:s,password:n,display_name:String(e.get("display_name")||s),language:N()},!1);m.keep(i)}else await m.login(s,n);this.dispatchEvent(new CustomEvent("signedin",{bubbles:!0,composed:!0}))}catch(i){this.error=o("login.failed",{message:y(i)})}finally{this.busy=!1}}};ge.styles=[E,O`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];Ge([d()],ge.prototype,"onboarding",2);Ge([d()],ge.prototype,"error",2);Ge([d()],ge.prototype,"busy",2);ge=Ge([A("orbit-login")],ge);const si=["temperature-humidity-sensor.temperature","environment.temperature"],ii=["temperature-humidity-sensor.relative-humidity","environment.relative-humidity"];function j(t,e){return t.state[e]?.value}function ns(t,e){for(const s of e){const n=j(t,s);if(typeof n=="number")return n}return null}function de(t){return ns(t,si)}function rs(t){return ns(t,ii)}function ft(t){for(const[e,s]of Object.entries(t.state))if(e.endsWith(".on")&&typeof s.value=="boolean")return s.value;return null}function tt(t){const e=j(t,"lock.locked");return typeof e=="boolean"?e:null}function st(t){const e=j(t,"magnet-sensor.contact-state");return typeof e=="boolean"?!e:null}function ni(t){if(!t.online)return o("device.unavailable");const e=tt(t);if(e!==null)return o(e?"glance.locked":"glance.unlocked");const s=st(t);if(s!==null)return o(s?"glance.open":"glance.closed");const n=j(t,"motion-sensor.motion-state");if(typeof n=="boolean")return o(n?"glance.motion":"glance.no_motion");const i=[],r=ft(t);r!==null&&i.push(o(r?"glance.on":"glance.off"));const a=j(t,"light.brightness");r&&typeof a=="number"&&i.push(`${k(a,0)}%`);const p=j(t,"curtain.current-position");typeof p=="number"&&i.push(o("glance.position",{value:k(p,0)}));const l=de(t);l!==null&&i.push(`${k(l,1)}°C`);const u=rs(t);u!==null&&r===null&&i.push(`${k(u,0)}%`);const g=j(t,"environment.pm2.5-density");typeof g=="number"&&i.push(`PM2.5 ${k(g,0)}`);const f=j(t,"battery.battery-level");i.length===0&&typeof f=="number"&&i.push(o("glance.battery",{value:k(f,0)}));const v=j(t,"power-meter.electric-power");return typeof v=="number"&&v>=1&&i.push(v>=1e3?`${k(v/1e3,1)} kW`:`${k(v,0)} W`),i.join(" · ")}const he={ATTRIBUTE:1,PROPERTY:3,BOOLEAN_ATTRIBUTE:4},ri=t=>(...e)=>({_$litDirective$:t,values:e});class ai{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,s,n){this._$Ct=e,this._$AM=s,this._$Ci=n}_$AS(e,s){return this.update(e,s)}update(e,s){return this.render(...s)}}const oi=t=>t.strings===void 0,ci={},li=(t,e=ci)=>t._$AH=e;const Rt=ri(class extends ai{constructor(t){if(super(t),t.type!==he.PROPERTY&&t.type!==he.ATTRIBUTE&&t.type!==he.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!oi(t))throw Error("`live` bindings can only contain a single expression")}render(t){return t}update(t,[e]){if(e===D||e===h)return e;const s=t.element,n=t.name;if(t.type===he.PROPERTY){if(e===s[n])return D}else if(t.type===he.BOOLEAN_ATTRIBUTE){if(!!e===s.hasAttribute(n))return D}else if(t.type===he.ATTRIBUTE&&s.getAttribute(n)===e+"")return D;return li(t),e}}),hi=new Set(["int8","int16","int32","int64","uint8","uint16","uint32","uint64","float"]);function as(t){const e=[];for(const s of t.services)for(const n of s.properties){const i=pi(n);i&&e.push(i)}for(const s of t.services)for(const n of s.actions)n.in.length===0&&e.push({kind:"action",action:n});return e}function pi(t){const e=t.access.includes("write"),s=t.access.includes("read");if(e&&t.values&&t.values.length>0)return{kind:"choice",prop:t,options:t.values};if(e&&t.format==="bool")return{kind:"toggle",prop:t};if(e&&hi.has(t.format)&&t.range){const[n,i,r]=t.range;return{kind:"slider",prop:t,min:n,max:i,step:r>0?r:1}}return s?{kind:"readout",prop:t}:null}function ui(t){const e=as(t).filter(s=>s.kind==="toggle").map(s=>s.prop);return e.find(s=>s.name==="on")??e[0]??null}function Se(t){return Oe(t.name,t.description||t.name)}function ue(t,e){if(e==null)return"–";if(t.values){const s=t.values.find(n=>n.value===e);if(s)return Oe(s.description,s.description)}if(typeof e=="boolean")return e?"✓":"✗";if(typeof e=="number"){const s=t.range?.[2]??.1,n=s>=1?0:Math.min(6,Math.ceil(-Math.log10(s))),i=Pe(t.unit);return`${k(e,n)}${i&&i!=="%"&&i!=="°C"&&i!=="°"?" ":""}${i}`}return String(e)}function Qe(t,e,s,n){const i=e+Math.round((t-e)/n)*n,r=Math.min(s,Math.max(e,i));return Number(r.toFixed(6))}var di=Object.defineProperty,mi=Object.getOwnPropertyDescriptor,B=(t,e,s,n)=>{for(var i=n>1?void 0:n?mi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&di(e,s,i),i};let U=class extends C{constructor(){super(...arguments),this.deviceId="",this.full=!1,this.tile=!1,this.spec=null,this.pending=null,this.error="",this.note="",this.confirming=null,this.watchesDevices=!0}willUpdate(t){t.has("deviceId")&&(this.spec=b.get(this.deviceId)?.spec??null,this.spec||b.spec(this.deviceId).then(e=>this.spec=e))}render(){const t=b.get(this.deviceId);if(!t)return h;const e=this.spec,s=e?ui(e):null;if(this.tile)return this.renderTile(t,s);const n=e?as(e).filter(a=>!(a.kind==="toggle"&&a.prop===s)):[],i=this.full?n:n.filter(a=>(a.kind!=="readout"||vi(a.prop))&&!(a.kind==="action"&&s&&a.action.name==="toggle")),r=x(t.name,t.aliases);return c`
      <section class="card ${this.pending?"busy":""}" data-device=${t.id} aria-label=${r}>
        <header>
          <span class="dot ${t.online?"":"off"}" title=${o(t.online?"device.online":"device.offline")}></span>
          <a href="#/device/${encodeURIComponent(t.id)}">
            <strong>${r}</strong>
            <span class="muted">${t.online?"":o("device.offline")}${t.controllable?"":` ${o("device.read_only")}`}</span>
          </a>
          ${s?this.toggle(t,s,r):h}
        </header>
        ${i.filter(a=>a.kind!=="action").map(a=>this.control(t,a))}
        ${this.actions(t,i)}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
        ${this.note?c`<p class="muted" role="status">${this.note}</p>`:h}
        ${this.confirming?this.confirmation(this.confirming,r):h}
      </section>
    `}renderTile(t,e){const s=x(t.name,t.aliases),n=`${ni(t)}${t.controllable?"":` · ${o("device.read_only")}`}`,i=t.online?ft(t)?"on":"":"unavailable";return c`<section class="tile ${i} ${this.pending?"busy":""}" data-device=${t.id} aria-label=${s}>
      <a href="#/device/${encodeURIComponent(t.id)}">
        <strong>${s}</strong>
        <span class="line" data-line>${n}</span>
      </a>
      ${e?this.toggle(t,e,s):h}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.note?c`<p class="muted note" role="status">${this.note}</p>`:h}
      ${this.confirming?this.confirmation(this.confirming,s):h}
    </section>`}confirmation(t,e){const s=o(gi[t.verb],{name:e});return c`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${s}
      @keydown=${n=>n.key==="Escape"&&this.cancelConfirmation()}>
      <div>
        <p>${s}</p>
        <div class="row">
          <button @click=${()=>this.cancelConfirmation()}>${o("app.cancel")}</button>
          <button class="danger" autofocus @click=${()=>this.confirmCommand(t)}>${o(fi[t.verb])}</button>
        </div>
      </div>
    </div>`}updated(){this.confirming&&this.renderRoot.querySelector(".confirm .danger")?.focus()}cancelConfirmation(){this.confirming=null}async confirmCommand(t){this.confirming=null,await this.run(t.key,t.device,()=>t.send(!0))}toggle(t,e,s){const n=t.state[e.path]?.value===!0;return c`<button
      role="switch"
      aria-checked=${n?"true":"false"}
      aria-label="${s}: ${Se(e)}"
      data-path=${e.path}
      ?disabled=${!t.controllable||this.pending===e.path}
      @click=${()=>this.write(t,e,!n)}
    ></button>`}control(t,e){if(e.kind==="action")return h;const s=e.prop,n=t.state[s.path]?.value,i=Se(s),r=!t.controllable||this.pending===s.path;switch(e.kind){case"toggle":return c`<div class="control"><div class="row">
          <span>${i}</span>${this.toggle(t,s,i)}
        </div></div>`;case"slider":{const a=typeof n=="number"?n:e.min,{min:p,max:l,step:u}=e;return c`<div class="control" data-path=${s.path}>
          <div class="row"><span>${i}</span><span class="value">${ue(s,n)}</span></div>
          <div class="row">
            <button class="step" aria-label="${i}: ${o("device.decrease")}" ?disabled=${r||a<=p}
              @click=${()=>this.write(t,s,Qe(a-u,p,l,u))}>−</button>
            <input type="range" min=${p} max=${l} step=${u} .value=${Rt(String(a))}
              aria-label=${i} aria-valuetext=${ue(s,n)} ?disabled=${r}
              @change=${g=>this.write(t,s,Qe(Number(g.target.value),p,l,u))} />
            <button class="step" aria-label="${i}: ${o("device.increase")}" ?disabled=${r||a>=l}
              @click=${()=>this.write(t,s,Qe(a+u,p,l,u))}>+</button>
          </div>
          ${this.full?c`<div class="row between muted"><span>${p}${Pe(s.unit)}</span><span>${l}${Pe(s.unit)}</span></div>`:h}
        </div>`}case"choice":return e.options.length>5?c`<div class="control" data-path=${s.path}><label>${i}
            <select ?disabled=${r} .value=${Rt(String(n??""))}
              @change=${a=>this.write(t,s,Number(a.target.value))}>
              ${e.options.map(a=>c`<option value=${a.value}>${ue(s,a.value)}</option>`)}
            </select></label></div>`:c`<div class="control" data-path=${s.path}><span>${i}</span>
          <div class="segments" role="group" aria-label=${i}>
            ${e.options.map(a=>c`<button aria-pressed=${a.value===n?"true":"false"} ?disabled=${r}
                @click=${()=>this.write(t,s,a.value)}>${ue(s,a.value)}</button>`)}
          </div></div>`;case"readout":return c`<div class="control row between" data-path=${s.path}>
          <span class="muted">${i}</span><span class="value">${ue(s,n)}</span>
        </div>`}}actions(t,e){const s=e.filter(n=>n.kind==="action");return s.length===0?h:c`<div class="actions">
      ${s.map(({action:n})=>c`<button ?disabled=${!t.controllable||this.pending===n.path}
          @click=${()=>this.call(t,n)}>${Se(n)}</button>`)}
    </div>`}async write(t,e,s){const n=`/api/devices/${encodeURIComponent(t.id)}/properties/${encodeURIComponent(e.path)}`,i=async r=>{const a=await m.request("PUT",n,r?{value:s,confirm:r}:{value:s});return a.confirmed&&b.setValue(t.id,e.path,a.value??s),a};await this.run(e.path,t,()=>i(!1),{verb:Mt(e.name,s),send:i})}async call(t,e){const s=`/api/devices/${encodeURIComponent(t.id)}/actions/${encodeURIComponent(e.path)}`,n=i=>m.request("POST",s,i?{arguments:{},confirm:i}:{arguments:{}});await this.run(e.path,t,()=>n(!1),{verb:Mt(e.name,null),send:n})}async run(t,e,s,n){this.pending=t,this.error="",this.note="";try{const i=await s();i.confirmed||(this.note=i.message||o("device.not_confirmed",{name:e.name}))}catch(i){n&&i instanceof F&&i.status===409&&i.code==="confirmation_required"?this.confirming={key:t,device:e,...n}:(this.error=y(i),this.requestUpdate())}finally{this.pending=null}}};U.styles=[E,O`
      .card {
        margin: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      header a {
        flex: 1;
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      header strong {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--ok);
        flex: none;
      }
      .dot.off {
        background: var(--danger);
      }
      .control {
        margin-top: 0.6rem;
      }
      .control > .row {
        justify-content: space-between;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        position: relative;
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--accent);
        min-height: 36px;
      }
      .step {
        min-width: 40px;
        padding: 0.3rem;
      }
      .segments {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.3rem;
      }
      .segments button {
        flex: 1;
        min-height: 36px;
        padding: 0.3rem 0.5rem;
      }
      .segments button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.6rem;
      }
      .busy {
        opacity: 0.6;
      }
      .tile {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        background: var(--card);
        border-radius: 14px;
        padding: 0.5rem 0.55rem 0.5rem 0.75rem;
        min-height: 64px;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .tile.on {
        background: var(--tile-on, #fff6dc);
      }
      .tile.unavailable {
        opacity: 0.6;
        background: var(--chip);
      }
      .tile a {
        flex: 1;
        min-width: 0;
        color: inherit;
        text-decoration: none;
      }
      .tile strong {
        display: block;
        font-size: 0.9rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile .line {
        display: block;
        font-size: 0.78rem;
        color: var(--muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile [role='switch'] {
        width: 44px;
        min-height: 26px;
        height: 26px;
      }
      .tile [role='switch']::after {
        width: 20px;
        height: 20px;
      }
      .tile [role='switch'][aria-checked='true']::after {
        transform: translateX(18px);
      }
      .tile .error,
      .tile .note {
        position: absolute;
        left: 0.5rem;
        right: 0.5rem;
        top: 100%;
        z-index: 1;
        margin: 0.2rem 0 0;
        background: var(--card);
        border-radius: 8px;
        padding: 0.3rem 0.5rem;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        font-size: 0.8rem;
      }
      :host([tile]) {
        position: relative;
      }
      .confirm {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: flex;
        align-items: center;
        justify-content: center;
        padding: 1rem;
        background: rgb(0 0 0 / 45%);
      }
      .confirm > div {
        background: var(--card, #fff);
        color: inherit;
        border-radius: 12px;
        padding: 1.2rem;
        max-width: 22rem;
        width: 100%;
        box-shadow: 0 8px 30px rgb(0 0 0 / 30%);
      }
      .confirm p {
        margin: 0 0 1rem;
        font-size: 1.1rem;
      }
      .confirm .row {
        justify-content: flex-end;
        gap: 0.5rem;
      }
      .confirm .danger {
        background: var(--danger);
        color: #fff;
      }
    `];B([S({attribute:"device-id"})],U.prototype,"deviceId",2);B([S({type:Boolean})],U.prototype,"full",2);B([S({type:Boolean,reflect:!0})],U.prototype,"tile",2);B([d()],U.prototype,"spec",2);B([d()],U.prototype,"pending",2);B([d()],U.prototype,"error",2);B([d()],U.prototype,"note",2);B([d()],U.prototype,"confirming",2);U=B([A("orbit-device-card")],U);const gi={unlock:"confirm.unlock",open:"confirm.open",disarm:"confirm.disarm"},fi={unlock:"confirm.unlock_button",open:"confirm.open_button",disarm:"confirm.disarm_button"};function Mt(t,e){return t==="locked"||t.includes("lock")?"unlock":t.includes("arm")||typeof e=="string"&&e.includes("disarm")?"disarm":"open"}function vi(t){return["temperature","relative-humidity","battery-level","electric-power","current-position","status","charging-state","range","door-state"].includes(t.name)}let it=0,os=0;function cs(t){Number.isFinite(t)&&(it=t,os=Date.now()/1e3)}function nt(){return it===0?Date.now()/1e3:it+(Date.now()/1e3-os)}var bi=Object.defineProperty,yi=Object.getOwnPropertyDescriptor,Ue=(t,e,s,n)=>{for(var i=n>1?void 0:n?yi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&bi(e,s,i),i};let ee=class extends C{constructor(){super(...arguments),this.spaceId="",this.summary=null,this.presence=null,this.car=null,this.watchesDevices=!0}willUpdate(t){t.has("spaceId")&&this.spaceId&&this.load()}async load(){const t=encodeURIComponent(this.spaceId),[e,s,n]=await Promise.all([m.get(`/api/summary?space_id=${t}`).catch(()=>Ie(`summary.${this.spaceId}`)),m.get("/api/presence").catch(()=>null),m.get("/api/vehicles").catch(()=>null)]);e&&(cs(e.now),Be(`summary.${this.spaceId}`,e)),this.summary=e,this.presence=s,this.car=n?.[0]??null}render(){const t=b.all().filter(e=>e.space_id===this.spaceId);return c`<div class="glance" role="group" aria-label=${o("glance.title")} data-summary>
      ${this.people()} ${this.climate(t)} ${this.security(t)} ${this.energy()} ${this.vehicle()}
    </div>`}people(){const t=this.presence?.find(s=>s.space_id===this.spaceId);if(!t)return h;const e=t.people.map(s=>s.person.charAt(0).toUpperCase()+s.person.slice(1));return c`<div class="item" data-glance="people">
      <span>${o("glance.people")}</span><b>${e.length?e.join(", "):o("glance.nobody")}</b>
    </div>`}climate(t){const e=t.filter(p=>p.online&&p.type.includes("sensor")&&de(p)!==null),s=e.length?e:t.filter(p=>p.online&&de(p)!==null);if(s.length===0)return h;const n=p=>p.reduce((l,u)=>l+u,0)/p.length,i=n(s.map(p=>de(p)??0)),r=s.map(rs).filter(p=>p!==null),a=`${k(i,1)}°C${r.length?` · ${k(n(r),0)}%`:""}`;return c`<div class="item" data-glance="climate"><span>${o("glance.inside")}</span><b>${a}</b></div>`}security(t){const e=t.filter(p=>tt(p)!==null),s=t.filter(p=>st(p)!==null);if(e.length===0&&s.length===0)return h;const n=e.filter(p=>tt(p)===!1),i=s.filter(p=>st(p)===!0),r=[];n.length===0&&i.length===0?r.push(o(e.length?"glance.secure":"glance.doors_closed")):n.length?r.push(o("glance.unlocked_named",{names:n.map(p=>x(p.name,p.aliases)).join(", ")})):e.length&&r.push(o("glance.all_locked")),i.length&&r.push(o("glance.open_count",{count:i.length}));const a=n.length>0||i.length>0;return c`<div class="item ${a?"alert":""}" data-glance="security">
      <span>${o("glance.doors")}</span><b>${r.join(" · ")}</b>
    </div>`}energy(){const t=this.summary?.energy;if(!t)return h;let e=`${k(t.kwh,1)} kWh`;return t.cost!==null&&t.currency&&(e+=` · ${t.cost.toLocaleString(N(),{style:"currency",currency:t.currency})}`),c`<a class="item" href="#/energy" data-glance="energy"><span>${o("glance.energy")}</span><b>${e}</b></a>`}vehicle(){const t=this.car;if(!t||t.battery===null)return h;const e=[`${k(t.battery,0)}%`],s=t.places.find(n=>n.eta&&!n.inside);return s?.eta?e.push(o("glance.eta",{place:x(s.name),minutes:Math.max(1,Math.round(s.eta.seconds/60))})):t.charging.state==="charging"&&e.push(o("glance.charging")),c`<a class="item" href="#/space/${encodeURIComponent(t.id)}" data-glance="car">
      <span>${o("car.title")}</span><b>${e.join(" · ")}</b>
    </a>`}};ee.styles=[E,O`
      .glance {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 0.4rem;
        margin-bottom: 0.6rem;
      }
      .item {
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.6rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      .item span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
      }
      .item b {
        display: block;
        font-weight: 600;
        font-size: 0.92rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .alert b {
        color: var(--danger);
      }
    `];Ue([S({attribute:"space-id"})],ee.prototype,"spaceId",2);Ue([d()],ee.prototype,"summary",2);Ue([d()],ee.prototype,"presence",2);Ue([d()],ee.prototype,"car",2);ee=Ue([A("orbit-home-summary")],ee);var $i=Object.defineProperty,wi=Object.getOwnPropertyDescriptor,ve=(t,e,s,n)=>{for(var i=n>1?void 0:n?wi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&$i(e,s,i),i};let V=class extends C{constructor(){super(...arguments),this.spaceId="",this.scenes=[],this.busy="",this.message="",this.error=""}connectedCallback(){super.connectedCallback(),m.get("/api/scenes").then(t=>this.scenes=t).catch(()=>null)}render(){const t=this.scenes.filter(e=>e.devices.some(s=>b.get(s)?.space_id===this.spaceId));return t.length===0?h:c`<div class="chips" role="group" aria-label=${o("scenes.title")}>
        ${t.map(e=>c`<button data-scene=${e.id} ?disabled=${this.busy!==""} @click=${()=>this.activate(e)}>
            ${x(e.name,e.aliases)}</button>`)}
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:h}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}`}async activate(t){this.busy=t.id,this.message="",this.error="";const e=x(t.name,t.aliases);try{const s=await m.request("POST",`/api/scenes/${encodeURIComponent(t.id)}/activate`);s.failed.length===0?this.message=o("scenes.done",{name:e}):this.error=o("scenes.partial",{name:e,count:s.failed.length,reason:s.failed[0].message})}catch(s){this.error=y(s)}finally{this.busy=""}}};V.styles=[E,O`
      .chips {
        padding-bottom: 0.4rem;
      }
      .chips button {
        background: var(--card);
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      p {
        margin: 0 0 0.4rem;
      }
    `];ve([S({attribute:"space-id"})],V.prototype,"spaceId",2);ve([d()],V.prototype,"scenes",2);ve([d()],V.prototype,"busy",2);ve([d()],V.prototype,"message",2);ve([d()],V.prototype,"error",2);V=ve([A("orbit-scene-bar")],V);var _i=Object.defineProperty,ki=Object.getOwnPropertyDescriptor,be=(t,e,s,n)=>{for(var i=n>1?void 0:n?ki(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&_i(e,s,i),i};let Lt=!1,J=class extends C{constructor(){super(...arguments),this.spaceId="",this.roomId="",this.answer=null,this.error="",this.busy=!1}render(){return Lt?h:c`
      <form @submit=${this.ask}>
        <input type="text" name="text" enterkeyhint="send" autocomplete="off"
          aria-label=${o("assistant.send")} placeholder=${o("assistant.placeholder")} />
        <button class="primary" ?disabled=${this.busy}>${o("assistant.send")}</button>
      </form>
      ${this.answer?c`<div class="card" role="status" data-answer>
            <p>${this.answer.answer}</p>
            ${this.answer.needs_clarification&&this.answer.choices?.length?c`<div class="chips" role="group" aria-label=${o("assistant.choices")}>
                  ${this.answer.choices.map(t=>c`<button type="button" data-choice=${t.id} ?disabled=${this.busy}
                      @click=${()=>this.choose(t.id)}>${t.label??t.name??t.id}</button>`)}
                  ${this.answer.choices.length>1?c`<button type="button" data-choice="all" ?disabled=${this.busy}
                        @click=${()=>this.choose("all")}>${o("assistant.all")}</button>`:h}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${()=>this.choose("cancel")}>${o("assistant.cancel")}</button>
                </div>`:h}
          </div>`:h}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
    `}async choose(t){this.busy=!0,this.error="";try{this.answer=await m.request("POST","/api/assistant/choose",{choice:t,language:N()})}catch(e){this.error=y(e)}finally{this.busy=!1}}async ask(t){t.preventDefault();const s=t.target.elements.namedItem("text"),n=s.value.trim();if(n){this.busy=!0,this.error="";try{const i={...this.spaceId?{space_id:this.spaceId}:{},...this.roomId?{room_id:this.roomId}:{}};this.answer=await m.request("POST","/api/assistant/ask",{text:n,language:N(),...i}),s.value=""}catch(i){i instanceof F&&i.missing?(Lt=!0,this.requestUpdate()):this.error=y(i)}finally{this.busy=!1}}}};J.styles=[E,O`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `];be([S({attribute:!1})],J.prototype,"spaceId",2);be([S({attribute:!1})],J.prototype,"roomId",2);be([d()],J.prototype,"answer",2);be([d()],J.prototype,"error",2);be([d()],J.prototype,"busy",2);J=be([A("orbit-assistant-box")],J);var xi=Object.defineProperty,Si=Object.getOwnPropertyDescriptor,Ke=(t,e,s,n)=>{for(var i=n>1?void 0:n?Si(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&xi(e,s,i),i};const jt=["Disconnected","Plugged","Charging","Complete"];let fe=class extends C{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.vehicle=null,this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),m.optional(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(t=>this.vehicle=t,()=>this.vehicle=null)}get zone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone}get car(){return b.all().find(t=>t.space_id===this.spaceId&&t.type==="vehicle")}render(){const t=this.car;if(!t)return h;const e=r=>{const a=t.state[r]?.value;return typeof a=="number"?a:void 0},s=e("battery.battery-level"),n=e("charging.charge-limit"),i=e("charging.charging-state");return c`
      <section class="card" aria-label=${o("car.title")}>
        <div class="stats">
          <div><div class="muted">${o("car.battery")}</div><div class="big" data-car="battery">${s===void 0?"–":`${k(s,0)}%`}</div></div>
          <div><div class="muted">${o("car.range")}</div><div class="big" data-car="range">${e("vehicle.range")===void 0?"–":`${k(e("vehicle.range")??0,0)} ${Pe("km")}`}</div></div>
          <div><div class="muted">${o("car.charging")}</div><div class="big" data-car="charging">${i===void 0?"–":Oe(jt[i]??"",jt[i]??String(i))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${o("car.battery")} ${s??""}% / ${o("car.limit")} ${n??""}%">
          <span style="width:${s??0}%"></span>${n!==void 0?c`<i style="left:${n}%"></i>`:h}
        </div>
        <div class="muted">${o("car.limit")}: ${n??"–"}%</div>
      </section>
      ${this.map(e("location.latitude"),e("location.longitude"))}
      ${this.plan()}
      <h2>${o("car.climate")}</h2>
    `}map(t,e){const s=this.spaces.find(w=>w.kind==="home"&&w.latitude!==null);if(t===void 0||e===void 0||!s||s.latitude===null||s.longitude===null)return h;const n=s.latitude,i=s.longitude,r=(w,ye)=>[(ye-i)*111.32*Math.cos(n*Math.PI/180),-(w-n)*110.57],a=this.spaces.filter(w=>w.kind!=="vehicle"&&w.latitude!==null&&w.longitude!==null).map(w=>({space:w,at:r(w.latitude??0,w.longitude??0)})),p=r(t,e),l=[p[0],...a.map(w=>w.at[0])],u=[p[1],...a.map(w=>w.at[1])],g=1,f=Math.min(...l)-g,v=Math.min(...u)-g,$=Math.max(Math.max(...l)-f+g,Math.max(...u)-v+g,2),P=320,_=200,I=Math.min(P,_)/$,le=([w,ye])=>[(w-f)*I+(P-$*I)/2,(ye-v)*I],[hs,ps]=le(p),vt=Math.hypot(p[0],p[1]);return c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <svg viewBox="0 0 ${P} ${_}" role="img" aria-label=${o("car.distance",{km:k(vt,1)})}>
        ${a.map(({space:w,at:ye})=>{const[bt,yt]=le(ye);return xs`<circle cx=${bt} cy=${yt} r=${Math.max(4,w.radius_m/1e3*I)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${bt+7} y=${yt-7}>${x(w.name,w.aliases)}</text>`})}
        <circle cx=${hs} cy=${ps} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${o("car.distance",{km:k(vt,1)})}</div>
    </section>`}plan(){const t=this.vehicle;if(!t)return h;const e=t.charging?.plan??null,s=N()==="zh-CN"?"zh":"en",n=l=>l[s]??Object.values(l)[0]??"",i=t.charging?.plan_reason_text??null,r=i?n(i):t.charging?.plan_reason??null,a=(t.places??[]).filter(l=>l.eta&&!l.inside);if(!e&&!r&&a.length===0)return h;const p=e?n(e.explanation):"";return c`<section class="card" aria-label=${o("car.plan")} data-car="plan">
      ${e||r?c`<h3>${o("car.plan")}</h3>
            ${r?c`<p data-car="plan-reason">${r}</p>`:h}
            ${e?c`<p class="muted">${e.target_soc}% · ${Q(e.departure,this.zone)}</p><p>${p}</p>`:h}`:h}
      ${a.length?c`<h3>${o("car.eta")}</h3>
            ${a.map(l=>{const u=this.spaces.find(v=>v.id===l.space_id),g=u?x(u.name,u.aliases):l.name,f=k((l.eta?.seconds??0)/60,0);return c`<div>${o("car.eta_line",{place:g,time:Q(l.eta?.arrival??0,this.zone),minutes:f})}</div>`})}`:h}
    </section>`}};fe.styles=[E,O`
      .stats {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
        text-align: center;
      }
      .big {
        font-size: 1.25rem;
        white-space: nowrap;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        height: 10px;
        border-radius: 5px;
        background: var(--line);
        overflow: hidden;
        margin: 0.6rem 0 0.2rem;
        position: relative;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--ok);
      }
      .bar i {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2px;
        background: var(--fg);
      }
      svg {
        width: 100%;
        height: auto;
        background: var(--bg);
        border-radius: 10px;
      }
      svg text {
        font-size: 11px;
        fill: var(--fg);
      }
    `];Ke([S({attribute:"space-id"})],fe.prototype,"spaceId",2);Ke([S({attribute:!1})],fe.prototype,"spaces",2);Ke([d()],fe.prototype,"vehicle",2);fe=Ke([A("orbit-car-panel")],fe);var Ai=Object.defineProperty,Ci=Object.getOwnPropertyDescriptor,ae=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ci(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ai(e,s,i),i};let z=class extends C{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.room="",this.ids=[],this.error="",this.loading=!0,this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=is(()=>this.requestUpdate()),this.loadSpaces()}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("spaceId")&&this.spaces.length>0&&this.loadDevices()}get space(){return this.spaces.find(t=>t.id===this.spaceId)??this.spaces[0]}async loadSpaces(){try{this.spaces=await m.get("/api/spaces"),Be("spaces",this.spaces),this.error="",await this.loadDevices()}catch(t){this.fromCache(t)||(this.error=y(t)),this.loading=!1}}async loadDevices(){const t=this.space;if(!t){this.loading=!1;return}this.room="",this.loading=!0;try{const e=await m.get(`/api/devices?space_id=${encodeURIComponent(t.id)}`);b.put(e),Be(`devices.${t.id}`,e),this.ids=e.map(s=>s.id),T.follow({spaces:[t.id]}),this.error=""}catch(e){this.fromCache(e)||(this.error=y(e))}finally{this.loading=!1}}fromCache(t){if(!(t instanceof F)||t.status!==0)return!1;this.spaces.length===0&&(this.spaces=Ie("spaces")??[]);const e=this.space,s=e?Ie(`devices.${e.id}`):null;return s?(b.put(s),this.ids=s.map(n=>n.id),!0):!1}render(){const t=this.space,e=t?.kind==="home";return c`
      ${this.spaces.length>1?c`<nav class="chips space-tabs" aria-label=${o("nav.home")}>
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===t?.id?"true":"false"}
                @click=${()=>location.hash=`#/space/${encodeURIComponent(s.id)}`}>
                ${x(s.name,s.aliases)}</button>`)}
          </nav>`:h}
      ${t&&e?c`<orbit-home-summary space-id=${t.id}></orbit-home-summary>`:h}
      ${t?c`<orbit-scene-bar space-id=${t.id}></orbit-scene-bar>`:h}
      <orbit-assistant-box .spaceId=${t?.id??""} .roomId=${this.room}></orbit-assistant-box>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${t?this.body(t):this.loading?c`<p class="muted">${o("app.loading")}</p>`:c`<p>${o("spaces.empty")}</p>`}
    `}body(t){const e=this.ids.map(l=>b.get(l)).filter(l=>l!==void 0&&l.space_id===t.id),s=t.rooms.filter(l=>e.some(u=>u.room_id===l.id)),n=this.room?e.filter(l=>l.room_id===this.room):e,i=this.room?[]:gt().map(l=>e.find(u=>u.id===l)).filter(l=>l!==void 0),r=[...s.map(l=>({id:l.id,name:x(l.name,l.aliases)})),{id:"",name:o("spaces.no_room")}].map(l=>({...l,devices:n.filter(u=>(u.room_id??"")===l.id)})).filter(l=>l.devices.length>0),a=t.kind!=="vehicle",p=l=>c`<div class="grid ${a?"":"cards"}">
      ${l.map(u=>c`<orbit-device-card ?tile=${a} device-id=${u.id}></orbit-device-card>`)}
    </div>`;return c`
      ${t.kind==="vehicle"?c`<orbit-car-panel space-id=${t.id} .spaces=${this.spaces}></orbit-car-panel>`:h}
      ${s.length>1?c`<nav class="rooms" aria-label=${o("spaces.rooms_all")}>
            ${s.map(l=>this.roomTile(l,e.filter(u=>u.room_id===l.id)))}
          </nav>`:h}
      ${this.loading&&e.length===0?c`<p class="muted">${o("app.loading")}</p>`:h}
      ${!this.loading&&e.length===0?c`<p>${o("spaces.empty")}</p>`:h}
      ${i.length?c`<h2 data-favourites>${o("spaces.favourites")}</h2>${p(i)}`:h}
      ${r.map(l=>c`${r.length>1||l.id?c`<h2 data-room-heading=${l.id}>${l.name}</h2>`:h}${p(l.devices)}`)}
    `}roomTile(t,e){const s=x(t.name,t.aliases),n=e.filter(u=>u.online&&u.type.includes("sensor")).map(de).filter(u=>u!==null),i=e.map(de).filter(u=>u!==null),r=n[0]??i[0],a=e.filter(u=>u.online&&ft(u)===!0).length,p=[r!==void 0?`${k(r,1)}°C`:"",a?o("spaces.on_count",{count:a}):o("spaces.all_off")].filter(u=>u),l=this.room===t.id;return c`<button data-room=${t.id} aria-pressed=${l?"true":"false"}
      aria-describedby="room-${t.id}" @click=${()=>this.room=l?"":t.id}>
      <b>${s}</b><span id="room-${t.id}" aria-hidden="true">${p.join(" · ")}</span>
    </button>`}};z.styles=[E,O`
      .grid {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
        margin-bottom: 0.6rem;
      }
      .grid.cards {
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .rooms {
        display: flex;
        gap: 0.5rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
        scrollbar-width: none;
      }
      .rooms button {
        flex: none;
        min-width: 104px;
        text-align: left;
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.7rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .rooms button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .rooms button[aria-pressed='true'] span {
        color: #fff;
      }
      .rooms b {
        display: block;
        font-size: 0.9rem;
        white-space: nowrap;
      }
      .rooms span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
        white-space: nowrap;
      }
      .space-tabs {
        margin-bottom: 0.25rem;
      }
      h2 {
        margin: 0.4rem 0 0.4rem;
        font-size: 0.95rem;
        color: var(--muted);
      }
    `];ae([S({attribute:"space-id"})],z.prototype,"spaceId",2);ae([d()],z.prototype,"spaces",2);ae([d()],z.prototype,"room",2);ae([d()],z.prototype,"ids",2);ae([d()],z.prototype,"error",2);ae([d()],z.prototype,"loading",2);z=ae([A("orbit-spaces")],z);const Ei=(function(){const e=typeof document<"u"&&document.createElement("link").relList;return e&&e.supports&&e.supports("modulepreload")?"modulepreload":"preload"})(),Oi=function(t){return"/"+t},zt={},Ht=function(e,s,n){let i=Promise.resolve();if(s&&s.length>0){let u=function(g){return Promise.all(g.map(f=>Promise.resolve(f).then(v=>({status:"fulfilled",value:v}),v=>({status:"rejected",reason:v}))))};var a=u;document.getElementsByTagName("link");const p=document.querySelector("meta[property=csp-nonce]"),l=p?.nonce||p?.getAttribute("nonce");i=u(s.map(g=>{if(g=Oi(g),g in zt)return;zt[g]=!0;const f=g.endsWith(".css"),v=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${g}"]${v}`))return;const $=document.createElement("link");if($.rel=f?"stylesheet":Ei,f||($.as="script"),$.crossOrigin="",$.href=g,l&&$.setAttribute("nonce",l),document.head.appendChild($),f)return new Promise((P,_)=>{$.addEventListener("load",P),$.addEventListener("error",()=>_(new Error(`Unable to preload CSS for ${g}`)))})}))}function r(p){const l=new Event("vite:preloadError",{cancelable:!0});if(l.payload=p,window.dispatchEvent(l),!l.defaultPrevented)throw p}return i.then(p=>{for(const l of p||[])l.status==="rejected"&&r(l.reason);return e().catch(r)})};var Pi=Object.defineProperty,Ii=Object.getOwnPropertyDescriptor,G=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ii(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Pi(e,s,i),i};const qt="#1f6cc7";let M=class extends C{constructor(){super(...arguments),this.deviceId="",this.prop=null,this.label="",this.range=86400,this.timeZone="",this.history=null,this.error="",this.plot=null}willUpdate(t){(t.has("range")||t.has("prop")||t.has("deviceId"))&&this.load()}disconnectedCallback(){super.disconnectedCallback(),this.plot?.destroy(),this.plot=null}get path(){return this.prop?.path??""}get window(){const t=this.history?.now??nt();return[t-this.range,t]}async load(){if(!this.prop)return;const t=`since=${Math.floor(nt()-this.range-60)}&buckets=120`;try{const e=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${t}`);e.now!==void 0&&cs(e.now),this.history=e,this.error=""}catch(e){this.error=y(e)}}render(){const[t,e]=this.window,s=(this.history?.points??[]).filter(i=>i.time>=t),n=Pe(this.prop?.unit);return c`<section class="card" data-chart=${this.path} data-window-start=${Math.round(t)} data-window-end=${Math.round(e)}>
      <h3>${this.label}${n?` (${n})`:""}</h3>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.history&&s.length===0?c`<p class="muted">${o("device.no_history")}</p>`:h}
      <div class="plot ${this.prop?.format==="bool"?"timeline":""}" role="img" aria-label=${this.label}></div>
    </section>`}async updated(){const t=this.prop,[e,s]=this.window,n=(this.history?.points??[]).filter(_=>_.value!==null&&_.time>=e),i=this.renderRoot.querySelector(".plot");if(this.plot?.destroy(),this.plot=null,!i||!t||n.length===0)return;const{default:r}=await Ht(async()=>{const{default:_}=await import("./uPlot.esm-CluHQUMV.js");return{default:_}},[]);await Ht(()=>import("./uPlot.min-Bqv6YAmf.js"),[]).then(_=>{if(!this.renderRoot.querySelector("style[data-uplot]")){const I=document.createElement("style");I.dataset.uplot="",I.textContent=_.default,this.renderRoot.appendChild(I)}});const a=t.format==="bool",p=_=>typeof _=="boolean"?Number(_):_,l=n.map(_=>_.time),u=n.map(_=>p(_.value));a&&u.length>0&&(l.push(s),u.push(u[u.length-1]));const g=[l,u],f=this.timeZone||void 0,v=this.range>86400,$=new Intl.DateTimeFormat(N(),v?{month:"short",day:"numeric",timeZone:f}:{hour:"2-digit",minute:"2-digit",timeZone:f}),P=a?[-.1,1.1]:t.unit==="percentage"&&t.range?[t.range[0],t.range[1]]:null;this.plot?.destroy(),this.plot=new r({width:Math.max(240,i.clientWidth||320),height:a?110:160,legend:{show:!1},scales:{x:{time:!0,range:[e,s]},...P?{y:{range:P}}:{}},series:[{},a?{label:this.label,stroke:qt,width:2,fill:"rgba(31,108,199,0.15)",paths:r.paths.stepped?.({align:1})}:{label:this.label,stroke:qt,width:2,fill:"rgba(31,108,199,0.12)"}],axes:[{stroke:"#667085",values:(_,I)=>I.map(le=>$.format(new Date(le*1e3)))},a?{stroke:"#667085",size:52,splits:()=>[0,1],values:(_,I)=>I.map(le=>o(le?"glance.on":"glance.off"))}:{stroke:"#667085",size:56}]},g,i)}};M.styles=[E,O`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];G([S({attribute:"device-id"})],M.prototype,"deviceId",2);G([S({attribute:!1})],M.prototype,"prop",2);G([S()],M.prototype,"label",2);G([S({type:Number})],M.prototype,"range",2);G([S({attribute:"time-zone"})],M.prototype,"timeZone",2);G([d()],M.prototype,"history",2);G([d()],M.prototype,"error",2);M=G([A("orbit-history-chart")],M);var Ti=Object.defineProperty,Ni=Object.getOwnPropertyDescriptor,De=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ni(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ti(e,s,i),i};const Bt=[{key:"range.hour",seconds:3600},{key:"range.day",seconds:86400},{key:"range.week",seconds:7*86400},{key:"range.month",seconds:30*86400}],Ui=new Set(["int8","int16","int32","uint8","uint16","uint32","float","bool"]);let te=class extends C{constructor(){super(...arguments),this.deviceId="",this.spec=null,this.range=Bt[1].seconds,this.error="",this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=is(()=>this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("deviceId")&&this.load()}async load(){try{const t=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}`);b.put([t]),this.spec=t.spec??null,this.error="",T.follow({devices:[t.id]})}catch(t){this.error=t.status===404?o("device.not_found"):y(t)}}pick(t){this.range=t}render(){const t=b.get(this.deviceId),e=this.spec?this.spec.services.flatMap(n=>n.properties).filter(n=>Mi(n,t)):[],s=t?Ie("spaces")?.find(n=>n.id===t.space_id)?.timezone??"":"";return c`
      <div class="row between top">
        <a class="back" href="#/">‹ ${o("device.back")}</a>
        ${this.spec?c`<button class="star" data-favourite aria-pressed=${Dt(this.deviceId)?"true":"false"}
              @click=${()=>Gs(this.deviceId,!Dt(this.deviceId))}>★ ${o("device.favourite")}</button>`:h}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.spec?c`<orbit-device-card device-id=${this.deviceId} full></orbit-device-card>`:h}
      ${e.length?c`<h2>${o("device.history")}</h2>
            <div class="chips" role="group" aria-label=${o("device.history")}>
              ${Bt.map(n=>c`<button aria-pressed=${this.range===n.seconds?"true":"false"}
                  @click=${()=>this.pick(n.seconds)}>${o(n.key)}</button>`)}
            </div>
            ${e.map(n=>c`<orbit-history-chart device-id=${this.deviceId} .prop=${n} label=${Se(n)}
                time-zone=${s} .range=${this.range}></orbit-history-chart>`)}`:h}
    `}};te.styles=[E,O`
      a.back {
        color: var(--accent);
        display: inline-block;
      }
      .top {
        margin-bottom: 0.5rem;
      }
      .star[aria-pressed='true'] {
        background: var(--warn);
        color: #000;
      }
    `];De([S({attribute:"device-id"})],te.prototype,"deviceId",2);De([d()],te.prototype,"spec",2);De([d()],te.prototype,"range",2);De([d()],te.prototype,"error",2);te=De([A("orbit-device-page")],te);const Di=new Set(["latitude","longitude","heading","accuracy","altitude","odometer","power-consumption","voltage","electric-current"]),Ri=new Set(["battery-level","range","speed"]);function Mi(t,e){return!t.access.includes("read")||!Ui.has(t.format)||t.values?!1:e?.type==="vehicle"?Ri.has(t.name):t.format!=="bool"&&t.access.includes("write")?!1:!Di.has(t.name)}var Li=Object.defineProperty,ji=Object.getOwnPropertyDescriptor,oe=(t,e,s,n)=>{for(var i=n>1?void 0:n?ji(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Li(e,s,i),i};let H=class extends C{constructor(){super(...arguments),this.spaces=[],this.spaceId="",this.period="day",this.energy=null,this.error="",this.unavailable=!1}connectedCallback(){super.connectedCallback(),this.init()}async init(){try{this.spaces=(await m.get("/api/spaces")).filter(t=>t.kind!=="vehicle"),this.spaceId=this.spaces[0]?.id??"",await this.load()}catch(t){this.error=y(t)}}async load(){const t=this.period==="day"?1:30,e=Math.floor(nt()-t*86400),s=`space_id=${encodeURIComponent(this.spaceId)}&period=${this.period}&since=${e}`;try{this.energy=await m.optional(`/api/energy?${s}`),this.unavailable=this.energy===null,this.error=""}catch(n){this.error=y(n)}}pick(t){Object.assign(this,t),this.load()}render(){const t=this.energy,e=t?t.devices.reduce((s,n)=>s+n.total,0):0;return c`
      <h1>${o("energy.title")}</h1>
      <div class="chips">
        ${this.spaces.map(s=>c`<button aria-pressed=${s.id===this.spaceId?"true":"false"} @click=${()=>this.pick({spaceId:s.id})}>
            ${x(s.name,s.aliases)}</button>`)}
      </div>
      <div class="chips" role="group">
        ${["day","month"].map(s=>c`<button aria-pressed=${s===this.period?"true":"false"} @click=${()=>this.pick({period:s})}>
            ${o(s==="day"?"energy.day":"energy.month")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:h}
      ${t?c`<p data-energy-total>${o("energy.total",{value:k(e,2),unit:t.unit})}</p>
            ${this.list(o("energy.by_room"),t.rooms.map(s=>({id:s.id,name:x(s.name,this.roomAliases(s.id)),total:s.total})),t.unit)}
            ${this.list(o("energy.by_device"),t.devices.map(s=>({id:s.id,name:x(s.name,b.get(s.id)?.aliases??[]),total:s.total})),t.unit)}`:h}
    `}roomAliases(t){return this.spaces.flatMap(e=>e.rooms).find(e=>e.id===t)?.aliases??[]}list(t,e,s){const n=Math.max(1e-4,...e.map(r=>r.total)),i=[...e].sort((r,a)=>a.total-r.total);return c`<section class="card"><h2>${t}</h2>
      ${i.length===0?c`<p class="muted">${o("app.none")}</p>`:h}
      <ul class="plain">
        ${i.map(r=>c`<li><div class="row between"><span>${r.name}</span><span>${k(r.total,2)} ${s}</span></div>
            <div class="bar" style="width:${r.total/n*100}%"></div></li>`)}
      </ul></section>`}};H.styles=[E,O`
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
    `];oe([d()],H.prototype,"spaces",2);oe([d()],H.prototype,"spaceId",2);oe([d()],H.prototype,"period",2);oe([d()],H.prototype,"energy",2);oe([d()],H.prototype,"error",2);oe([d()],H.prototype,"unavailable",2);H=oe([A("orbit-energy")],H);var zi=Object.defineProperty,Hi=Object.getOwnPropertyDescriptor,Re=(t,e,s,n)=>{for(var i=n>1?void 0:n?Hi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&zi(e,s,i),i};let se=class extends C{constructor(){super(...arguments),this.watchesDevices=!0,this.tab="events",this.events=null,this.audit=null,this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.tab==="events"?(this.events=await m.optional("/api/events?limit=100")??[],await this.learnDevices(this.events)):this.audit=await m.optional("/api/audit?limit=100")??[],this.error=""}catch(t){this.error=y(t)}}async learnDevices(t){t.some(s=>s.device_id&&!b.get(s.device_id))&&b.put(await m.get("/api/devices"));const e=new Set(t.filter(s=>s.kind==="command"&&s.device_id).map(s=>s.device_id??""));await Promise.all([...e].map(s=>b.spec(s)))}render(){const t=this.tab==="events"?(this.events??[]).map(e=>({time:e.time,text:qi(e)})):(this.audit??[]).map(e=>({time:e.time,text:`${e.actor} · ${e.action} · ${e.target}`}));return c`
      <h1>${o("activity.title")}</h1>
      <div class="chips" role="group">
        ${["events","audit"].map(e=>c`<button aria-pressed=${e===this.tab?"true":"false"}
            @click=${()=>{this.tab=e,this.load()}}>${o(e==="events"?"activity.events":"activity.audit")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      <section class="card">
        ${t.length===0?c`<p class="muted">${o("app.none")}</p>`:h}
        <ul class="plain">
          ${t.map(e=>c`<li><div class="muted">${Q(e.time)}</div><div>${e.text}</div></li>`)}
        </ul>
      </section>
    `}};se.styles=[E];Re([d()],se.prototype,"tab",2);Re([d()],se.prototype,"events",2);Re([d()],se.prototype,"audit",2);Re([d()],se.prototype,"error",2);se=Re([A("orbit-activity")],se);function qi(t){const e=t.payload??{},s=Vi(t.device_id??""),n=t.space_id??"";switch(t.kind){case"online":return o(e.online===!1?"activity.offline":"activity.online",{device:s});case"command":{const i=typeof e.actor=="string"&&e.actor?e.actor:o("activity.someone"),r=Bi(t.device_id,t.path),a=r?Se(r):Oe(we(t.path),we(t.path)),p=e.arguments??{},l=we(t.path);if(e.command==="set"&&l in p){const u=p[l],g=r&&Fi(u)?Wi(r,u):JSON.stringify(u);return o("activity.command",{actor:i,device:s,property:a,value:g})}return o("activity.command_call",{actor:i,device:s,property:a})}case"zone":return o(e.entered?"activity.zone_enter":"activity.zone_leave",{device:s,space:n});case"presence":return o(e.present?"activity.arrived":"activity.left",{person:t.path??"",space:n});case"automation":return o("activity.automation",{id:t.path??"",outcome:[e.outcome,e.message].filter(Boolean).join(" · ")});case"event":return o("activity.event",{device:s,event:Oe(we(t.path),we(t.path))});default:return typeof t.message=="string"&&t.message?t.message:[t.kind??t.type,s,t.path].filter(Boolean).join(" · ")}}function Bi(t,e){const s=t?b.get(t)?.spec:void 0;if(!s||!e)return null;for(const n of s.services){const i=n.properties.find(r=>r.path===e);if(i)return i}return null}function Wi(t,e){return typeof e=="boolean"?o(e?"activity.on":"activity.off"):ue(t,e)}function Fi(t){return["boolean","number","string"].includes(typeof t)}function Vi(t){const e=b.get(t);return e?x(e.name,e.aliases):t}function we(t){return(t??"").split(".").pop()??""}var Ji=Object.defineProperty,Gi=Object.getOwnPropertyDescriptor,Me=(t,e,s,n)=>{for(var i=n>1?void 0:n?Gi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ji(e,s,i),i};let ie=class extends C{constructor(){super(...arguments),this.notifications=null,this.alerts=null,this.suggestions=null,this.error="",this.onLive=t=>{const e=t.detail;if(e.type!=="notification")return;const s=e,n=typeof s.id=="number"||typeof s.id=="string"?s.id:`live-${Date.now()}`,i={id:n,time:typeof s.time=="number"?s.time:Date.now()/1e3,title:String(s.title??""),message:String(s.message??""),severity:typeof s.severity=="string"?s.severity:void 0,read:!1},r=new Set([String(n),...Array.isArray(s.replaces)?s.replaces.map(String):[]]);this.notifications=[i,...(this.notifications??[]).filter(a=>!r.has(String(a.id)))]}}connectedCallback(){super.connectedCallback(),T.addEventListener("message",this.onLive),this.load()}disconnectedCallback(){super.disconnectedCallback(),T.removeEventListener("message",this.onLive)}async load(){const t=i=>i.catch(r=>(this.error=y(r),null)),[e,s,n]=await Promise.all([t(m.optional("/api/notifications")),t(m.optional("/api/alerts")),t(m.optional("/api/suggestions"))]);this.notifications=e??this.notifications,this.alerts=s,this.suggestions=n}async act(t){try{await m.request("POST",t),await this.load()}catch(e){this.error=y(e)}}render(){return c`
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      <h1>${o("notifications.title")}</h1>
      <section class="card" data-section="notifications">
        ${this.notifications?.length?h:c`<p class="muted">${o("app.none")}</p>`}
        <ul class="plain">
          ${(this.notifications??[]).map(t=>c`<li data-notification=${String(t.id)}>
              <div class="row between"><strong>${t.title}</strong><span class="muted">${Q(t.time)}</span></div>
              <div>${t.message}</div>
              ${t.read===!1&&!String(t.id).startsWith("live-")?c`<button @click=${()=>this.act(`/api/notifications/${encodeURIComponent(String(t.id))}/read`)}>
                    ${o("notifications.mark_read")}</button>`:h}
            </li>`)}
        </ul>
      </section>
      ${this.alerts?this.insights(o("insights.alerts"),this.alerts,"alerts",["dismiss"]):h}
      ${this.suggestions?this.insights(o("insights.suggestions"),this.suggestions,"suggestions",["accept","reject"]):h}
    `}insights(t,e,s,n){return c`<h2>${t}</h2>
      <section class="card" data-section=${s}>
        ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:h}
        <ul class="plain">
          ${e.map(i=>c`<li>
              <strong>${Wt(i.title_en,i.title_zh)||i.id}</strong>
              <div>${Wt(i.explanation_en??i.message_en,i.explanation_zh??i.message_zh)}</div>
              <div class="row">
                ${n.map(r=>c`<button @click=${()=>this.act(`/api/${s}/${encodeURIComponent(i.id)}/${r}`)}>
                    ${o(`insights.${r}`)}</button>`)}
              </div>
            </li>`)}
        </ul>
      </section>`}};ie.styles=[E];Me([d()],ie.prototype,"notifications",2);Me([d()],ie.prototype,"alerts",2);Me([d()],ie.prototype,"suggestions",2);Me([d()],ie.prototype,"error",2);ie=Me([A("orbit-inbox")],ie);function Wt(t,e){return(N()==="zh-CN"?e||t:t||e)??""}var Ki=Object.defineProperty,Yi=Object.getOwnPropertyDescriptor,Le=(t,e,s,n)=>{for(var i=n>1?void 0:n?Yi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ki(e,s,i),i};let ne=class extends C{constructor(){super(...arguments),this.automations=null,this.unavailable=!1,this.why={},this.error=""}connectedCallback(){super.connectedCallback(),m.optional("/api/automations").then(t=>{this.automations=t??[],this.unavailable=t===null},t=>this.error=y(t))}async explain(t){try{const e=N()==="zh-CN"?"zh":"en",s=await m.get(`/api/automations/${encodeURIComponent(t)}/why?lang=${e}`);this.why={...this.why,[t]:rt(s)}}catch(e){this.why={...this.why,[t]:y(e)}}}render(){return c`
      <h1>${o("automations.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:h}
      ${this.automations?.length===0&&!this.unavailable?c`<p class="muted">${o("app.none")}</p>`:h}
      ${(this.automations??[]).map(t=>c`<section class="card">
          <div class="row between"><strong>${t.name??t.id}</strong>
            <span class="muted">${t.enabled===!1?o("automations.disabled"):o("automations.enabled")}</span></div>
          <p class="muted">${Zi(t)}</p>
          <button @click=${()=>this.explain(t.id)}>${o("automations.why")}</button>
          ${this.why[t.id]!==void 0?c`<p data-why>${this.why[t.id]||o("automations.why_none")}</p>`:h}
        </section>`)}
    `}};ne.styles=[E,O`[data-why] { white-space: pre-line; }`];Le([d()],ne.prototype,"automations",2);Le([d()],ne.prototype,"unavailable",2);Le([d()],ne.prototype,"why",2);Le([d()],ne.prototype,"error",2);ne=Le([A("orbit-automations")],ne);function Zi(t){const e=t.last_run;return e?o("automations.last_run",{time:Q(e.started),outcome:e.error?`${e.status} (${e.error})`:e.status}):o("automations.never")}function rt(t){if(typeof t=="string")return t;if(Array.isArray(t))return[...t].reverse().slice(0,3).map(e=>e&&typeof e=="object"&&typeof e.time=="number"?`${Q(e.time)}: ${rt(e)}`:rt(e)).join(`
`);if(t&&typeof t=="object"){const e=t;for(const s of["text","explanation","why","message","summary"])if(typeof e[s]=="string")return e[s]}return JSON.stringify(t)}var Xi=Object.defineProperty,Qi=Object.getOwnPropertyDescriptor,ce=(t,e,s,n)=>{for(var i=n>1?void 0:n?Qi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Xi(e,s,i),i};const en=["adult","child","guest","owner"];let q=class extends C{constructor(){super(...arguments),this.users=[],this.spaces=[],this.grants={},this.open="",this.grantSpace="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.users,this.spaces]=await Promise.all([m.get("/api/users"),m.get("/api/spaces")]),this.grantSpace||=this.spaces[0]?.id??"",this.error=""}catch(t){this.error=y(t)}}async loadGrants(t){if(this.open=this.open===t?"":t,!!this.open)try{this.grants={...this.grants,[t]:await m.get(`/api/users/${encodeURIComponent(t)}/grants`)}}catch(e){this.error=y(e)}}async guarded(t){try{await t(),this.error=""}catch(e){this.error=y(e)}}async create(t){t.preventDefault();const e=t.target,s=new FormData(e);await this.guarded(async()=>{await m.request("POST","/api/users",{username:s.get("username"),password:s.get("password"),display_name:s.get("display_name")||s.get("username"),role:s.get("role")}),e.reset(),await this.load()})}async grant(t,e){t.preventDefault();const s=new FormData(t.target),n=s.getAll("rooms").map(String),i=String(s.get("devices")??"").split(",").map(a=>a.trim()).filter(Boolean),r=String(s.get("expires")??"");await this.guarded(async()=>{await m.request("POST",`/api/users/${encodeURIComponent(e)}/grants`,{space_id:s.get("space"),room_ids:n.length?n:null,device_ids:i.length?i:null,expires_at:r?new Date(r).getTime()/1e3:null}),this.open="",await this.loadGrants(e)})}async revoke(t){await this.guarded(async()=>{await m.request("DELETE",`/api/grants/${encodeURIComponent(t.id)}`),this.open="",await this.loadGrants(t.user_id)})}async setCounts(t,e){await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{counts_for_presence:e}),await this.load()})}async removeUser(t){await this.guarded(async()=>{await m.request("DELETE",`/api/users/${encodeURIComponent(t.id)}`),await this.load()})}render(){return c`
      <h1>${o("users.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      ${this.users.map(t=>c`<section class="card" data-user=${t.username}>
          <div class="row between">
            <strong>${t.display_name||t.username}</strong><span class="muted">${t.username} · ${o(`users.role.${t.role}`)}</span>
          </div>
          ${t.role!=="owner"?c`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${t.counts_for_presence!==!1}
                  @change=${e=>this.setCounts(t,e.target.checked)} />
                <span>${o("users.counts_for_presence")}</span>
              </label>`:h}
          <div class="row">
            <button @click=${()=>this.loadGrants(t.id)}>${o("users.grants")}</button>
            ${t.role!=="owner"?c`<button @click=${()=>this.removeUser(t)}>${o("users.delete")}</button>`:h}
          </div>
          ${this.open===t.id?this.grantsOf(t):h}
        </section>`)}
      <section class="card">
        <h2>${o("users.create")}</h2>
        <form @submit=${this.create}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${o("users.display_name")}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${o("login.password")}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${o("users.role")}
            <select name="role">${en.map(t=>c`<option value=${t}>${o(`users.role.${t}`)}</option>`)}</select>
          </label>
          <button class="primary">${o("users.create")}</button>
        </form>
      </section>
    `}grantsOf(t){const e=this.grants[t.id]??[],s=this.spaces.find(i=>i.id===this.grantSpace),n=i=>{const r=this.spaces.find(a=>a.id===i);return r?x(r.name,r.aliases):i};return c`
      <ul class="plain">
        ${e.map(i=>c`<li class="row between" data-grant=${i.id}>
            <span>${n(i.space_id)}: ${i.room_ids?.join(", ")??i.device_ids?.join(", ")??o("users.whole_space")}
              ${i.expires_at?c`<span class="muted">${o("users.until",{time:Q(i.expires_at)})}</span>`:h}</span>
            <button @click=${()=>this.revoke(i)}>${o("users.revoke")}</button>
          </li>`)}
      </ul>
      <form @submit=${i=>this.grant(i,t.id)}>
        <label>${o("users.space")}
          <select name="space" @change=${i=>this.grantSpace=i.target.value}>
            ${this.spaces.map(i=>c`<option value=${i.id} ?selected=${i.id===this.grantSpace}>${x(i.name,i.aliases)}</option>`)}
          </select>
        </label>
        ${s?.rooms.length?c`<div class="checks"><div class="muted">${o("users.rooms")}</div>
              ${s.rooms.map(i=>c`<label><input type="checkbox" name="rooms" value=${i.id} />${x(i.name,i.aliases)}</label>`)}
            </div>`:h}
        <label>${o("users.devices")}<input type="text" name="devices" autocomplete="off" /></label>
        <label>${o("users.expires")}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${o("users.grant")}</button>
      </form>
    `}};q.styles=[E,O`.checks label { display: inline-flex; gap: 0.3rem; margin-right: 0.8rem; }`];ce([d()],q.prototype,"users",2);ce([d()],q.prototype,"spaces",2);ce([d()],q.prototype,"grants",2);ce([d()],q.prototype,"open",2);ce([d()],q.prototype,"grantSpace",2);ce([d()],q.prototype,"error",2);q=ce([A("orbit-users")],q);function ls(){return"serviceWorker"in navigator&&"PushManager"in window&&"Notification"in window}async function tn(){if(!ls())return!1;const t=await m.optional("/api/push/key").catch(()=>null),e=t?.public_key??t?.key??t?.vapid_public_key;if(!e||await Notification.requestPermission()!=="granted")return!1;const s=await navigator.serviceWorker.ready,n=await s.pushManager.getSubscription()??await s.pushManager.subscribe({userVisibleOnly:!0,applicationServerKey:sn(e)});return await m.request("POST","/api/push/subscriptions",n.toJSON()),!0}function sn(t){const e=(t+"=".repeat((4-t.length%4)%4)).replace(/-/g,"+").replace(/_/g,"/"),s=atob(e),n=new Uint8Array(new ArrayBuffer(s.length));for(let i=0;i<s.length;i+=1)n[i]=s.charCodeAt(i);return n}var nn=Object.defineProperty,rn=Object.getOwnPropertyDescriptor,je=(t,e,s,n)=>{for(var i=n>1?void 0:n?rn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&nn(e,s,i),i};let re=class extends C{constructor(){super(...arguments),this.user=null,this.companion=es(),this.push="",this.error=""}render(){const t=this.user;return c`
      <h1>${o("more.title")}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${o("automations.title")}</a></li>
          ${t?.role==="owner"?c`<li><a href="#/users">${o("users.title")}</a></li>`:h}
        </ul>
      </nav>
      <section class="card">
        <h2>${o("settings.title")}</h2>
        <label>${o("settings.language")}
          <select name="language" @change=${this.changeLanguage}>
            ${Zt.map(e=>c`<option value=${e.code} ?selected=${e.code===N()}>${e.label}</option>`)}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" name="companion" .checked=${this.companion} @change=${this.toggleCompanion} />
          <span>${o("settings.companion")}</span>
        </label>
        <p class="muted">${o("settings.companion_hint")}</p>
        ${t?.role==="owner"?c`<label class="row">
              <input type="checkbox" name="security_notices" .checked=${t.security_notices!==!1}
                @change=${this.toggleSecurityNotices} />
              <span>${o("settings.security_notices")}</span>
            </label>`:h}
        <h3>${o("settings.push")}</h3>
        ${ls()?c`<button @click=${this.enablePush}>${o("settings.push_on")}</button>`:h}
        ${this.push?c`<p class="muted" role="status">${this.push}</p>`:h}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
      </section>
      <section class="card">
        ${t?c`<p>${o("settings.signed_in_as",{name:t.display_name||t.username,role:o(`users.role.${t.role}`)})}</p>`:h}
        <button @click=${()=>{m.logout()}}>${o("logout")}</button>
      </section>
    `}changeLanguage(t){const e=t.target.value;ut(e),m.request("PATCH","/api/me",{language:e}).catch(()=>null)}async toggleSecurityNotices(t){const e=t.target;try{await m.request("PATCH","/api/me",{security_notices:e.checked}),this.user&&(this.user={...this.user,security_notices:e.checked}),this.error=""}catch(s){e.checked=!e.checked,this.error=y(s)}}async toggleCompanion(t){this.companion=t.target.checked;try{await Fs(this.companion),this.error=""}catch(e){this.error=y(e)}}async enablePush(){try{this.push=o(await tn()?"settings.push_done":"settings.push_unavailable")}catch{this.push=o("settings.push_unavailable")}}};re.styles=[E];je([S({attribute:!1})],re.prototype,"user",2);je([d()],re.prototype,"companion",2);je([d()],re.prototype,"push",2);je([d()],re.prototype,"error",2);re=je([A("orbit-settings")],re);var an=Object.defineProperty,on=Object.getOwnPropertyDescriptor,K=(t,e,s,n)=>{for(var i=n>1?void 0:n?on(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&an(e,s,i),i};const cn=[{route:"",key:"nav.home",icon:"⌂"},{route:"energy",key:"nav.energy",icon:"⚡"},{route:"activity",key:"nav.activity",icon:"☰"},{route:"inbox",key:"nav.alerts",icon:"✉"},{route:"more",key:"nav.more",icon:"⋯"}];let L=class extends C{constructor(){super(...arguments),this.route=location.hash,this.user=null,this.online=navigator.onLine,this.reachable=!0,this.error="",this.unseen=0,this.toast="",this.onHash=()=>{this.route=location.hash,this.parts[0]==="inbox"&&(this.unseen=0)},this.onNetwork=()=>{this.online=navigator.onLine,this.online&&m.signedIn&&(!this.user||!this.reachable)&&this.loadMe()},this.onSignedOut=()=>{this.user=null,T.stop(),Vs(),b.clear(),Bs()},this.onLiveStatus=()=>this.requestUpdate(),this.onLiveMessage=t=>{const e=t.detail;e.type==="notification"&&(this.parts[0]!=="inbox"&&(this.unseen+=1),this.toast=[e.title,e.message].filter(s=>typeof s=="string"&&s).join(": "),window.clearTimeout(this.toastTimer),this.toastTimer=window.setTimeout(()=>this.toast="",6e3))}}connectedCallback(){super.connectedCallback(),window.addEventListener("hashchange",this.onHash),window.addEventListener("online",this.onNetwork),window.addEventListener("offline",this.onNetwork),m.addEventListener("signedout",this.onSignedOut),T.addEventListener("status",this.onLiveStatus),T.addEventListener("message",this.onLiveMessage),m.signedIn&&this.loadMe()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("hashchange",this.onHash),window.removeEventListener("online",this.onNetwork),window.removeEventListener("offline",this.onNetwork),m.removeEventListener("signedout",this.onSignedOut),T.removeEventListener("status",this.onLiveStatus),T.removeEventListener("message",this.onLiveMessage)}async loadMe(){try{const t=await m.get("/api/me");this.user=t.user,Ut(t.user.username),Be("me",t.user),this.reachable=!0,this.error="",(t.user.language==="en"||t.user.language==="zh-CN")&&(localStorage.getItem("orbithub.language")||ut(t.user.language)),T.start(),ts().catch(()=>null)}catch(t){this.reachable=t.status!==0,this.reachable?this.error=y(t):this.user??=Ie("me"),this.user&&Ut(this.user.username)}}render(){const t=!this.online||!this.reachable,e=m.signedIn;return c`
      <header>
        <strong>${o("app.name")}</strong>
        <span class="status" data-live=${T.status}>
          ${t?o("device.offline"):e&&this.user?T.status==="live"?`● ${o("app.live")}`:o("app.reconnecting"):""}
        </span>
      </header>
      ${t?c`<div class="banner" role="status" data-offline>${o("app.offline")}
          <button @click=${()=>this.loadMe()}>${o("app.retry")}</button></div>`:h}
      <main>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:h}
        ${e?this.user?this.view(this.user):t?h:c`<p class="muted">${o("app.loading")}</p>`:t?h:c`<orbit-login @signedin=${()=>this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast?c`<div class="toast" role="status" data-toast @click=${()=>this.toast=""}>${this.toast}</div>`:h}
      ${e&&this.user?this.tabs():h}
    `}get parts(){return this.route.replace(/^#\/?/,"").split("/").map(decodeURIComponent)}view(t){const[e,s]=this.parts;switch(e){case"device":return c`<orbit-device-page device-id=${s??""}></orbit-device-page>`;case"energy":return c`<orbit-energy></orbit-energy>`;case"activity":return c`<orbit-activity></orbit-activity>`;case"inbox":return c`<orbit-inbox></orbit-inbox>`;case"automations":return c`<orbit-automations></orbit-automations>`;case"users":return t.role==="owner"?c`<orbit-users></orbit-users>`:c`<orbit-settings .user=${t}></orbit-settings>`;case"more":return c`<orbit-settings .user=${t}></orbit-settings>`;default:return c`<orbit-spaces space-id=${e==="space"?s??"":""}></orbit-spaces>`}}tabs(){const[t]=this.parts,e=t==="space"||t==="device"?"":t==="automations"||t==="users"?"more":t??"";return c`<nav class="tabs" aria-label=${o("app.name")} lang=${N()}>
      ${cn.map(s=>c`<a href="#/${s.route}" aria-current=${s.route===e?"page":"false"} data-tab=${s.route||"home"}>
          <span aria-hidden="true">${s.icon}</span>${o(s.key)}${s.route==="inbox"&&this.unseen?c` <b class="badge" data-unseen>${this.unseen}</b>`:h}</a>`)}
    </nav>`}};L.styles=[E,O`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--bar);
        color: #fff;
        padding: calc(env(safe-area-inset-top) + 0.6rem) 1rem 0.6rem;
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      header strong {
        font-size: 1.1rem;
      }
      .status {
        font-size: 0.8rem;
        opacity: 0.9;
      }
      .banner {
        background: var(--warn);
        color: #000;
        padding: 0.5rem 1rem;
        font-size: 0.9rem;
      }
      main {
        flex: 1;
        padding: 0.75rem 0.75rem 5.5rem;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
      }
      nav.tabs {
        position: fixed;
        bottom: 0;
        left: 0;
        right: 0;
        display: flex;
        background: var(--card);
        border-top: 1px solid var(--line);
        padding-bottom: env(safe-area-inset-bottom);
        z-index: 2;
      }
      nav.tabs a {
        flex: 1;
        text-align: center;
        padding: 0.45rem 0 0.55rem;
        color: var(--muted);
        text-decoration: none;
        font-size: 0.75rem;
      }
      nav.tabs a span {
        display: block;
        font-size: 1.25rem;
        line-height: 1.3;
      }
      nav.tabs a[aria-current='page'] {
        color: var(--accent);
      }
      .badge {
        background: var(--danger);
        color: #fff;
        border-radius: 999px;
        padding: 0 0.4em;
        font-size: 0.7rem;
      }
      .toast {
        position: fixed;
        left: 0.75rem;
        right: 0.75rem;
        bottom: calc(4.5rem + env(safe-area-inset-bottom));
        background: var(--bar);
        color: #fff;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        z-index: 3;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
      }
    `];K([d()],L.prototype,"route",2);K([d()],L.prototype,"user",2);K([d()],L.prototype,"online",2);K([d()],L.prototype,"reachable",2);K([d()],L.prototype,"error",2);K([d()],L.prototype,"unseen",2);K([d()],L.prototype,"toast",2);L=K([A("orbit-app")],L);"serviceWorker"in navigator&&window.addEventListener("load",()=>{navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(()=>null)});
