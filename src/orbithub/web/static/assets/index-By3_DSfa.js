const at=globalThis,Lt=at.ShadowRoot&&(at.ShadyCSS===void 0||at.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Dt=Symbol(),Gt=new WeakMap;let Ss=class{constructor(e,s,n){if(this._$cssResult$=!0,n!==Dt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=s}get styleSheet(){let e=this.o;const s=this.t;if(Lt&&e===void 0){const n=s!==void 0&&s.length===1;n&&(e=Gt.get(s)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&Gt.set(s,e))}return e}toString(){return this.cssText}};const Qs=t=>new Ss(typeof t=="string"?t:t+"",void 0,Dt),E=(t,...e)=>{const s=t.length===1?t[0]:e.reduce((n,i,r)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+t[r+1],t[0]);return new Ss(s,t,Dt)},en=(t,e)=>{if(Lt)t.adoptedStyleSheets=e.map(s=>s instanceof CSSStyleSheet?s:s.styleSheet);else for(const s of e){const n=document.createElement("style"),i=at.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=s.cssText,t.appendChild(n)}},Kt=Lt?t=>t:t=>t instanceof CSSStyleSheet?(e=>{let s="";for(const n of e.cssRules)s+=n.cssText;return Qs(s)})(t):t;const{is:tn,defineProperty:sn,getOwnPropertyDescriptor:nn,getOwnPropertyNames:rn,getOwnPropertySymbols:an,getPrototypeOf:on}=Object,gt=globalThis,Jt=gt.trustedTypes,cn=Jt?Jt.emptyScript:"",ln=gt.reactiveElementPolyfillSupport,Re=(t,e)=>t,ct={toAttribute(t,e){switch(e){case Boolean:t=t?cn:null;break;case Object:case Array:t=t==null?t:JSON.stringify(t)}return t},fromAttribute(t,e){let s=t;switch(e){case Boolean:s=t!==null;break;case Number:s=t===null?null:Number(t);break;case Object:case Array:try{s=JSON.parse(t)}catch{s=null}}return s}},zt=(t,e)=>!tn(t,e),Yt={attribute:!0,type:String,converter:ct,reflect:!1,useDefault:!1,hasChanged:zt};Symbol.metadata??=Symbol("metadata"),gt.litPropertyMetadata??=new WeakMap;let _e=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,s=Yt){if(s.state&&(s.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((s=Object.create(s)).wrapped=!0),this.elementProperties.set(e,s),!s.noAccessor){const n=Symbol(),i=this.getPropertyDescriptor(e,n,s);i!==void 0&&sn(this.prototype,e,i)}}static getPropertyDescriptor(e,s,n){const{get:i,set:r}=nn(this.prototype,e)??{get(){return this[s]},set(a){this[s]=a}};return{get:i,set(a){const d=i?.call(this);r?.call(this,a),this.requestUpdate(e,d,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Yt}static _$Ei(){if(this.hasOwnProperty(Re("elementProperties")))return;const e=on(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Re("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Re("properties"))){const s=this.properties,n=[...rn(s),...an(s)];for(const i of n)this.createProperty(i,s[i])}const e=this[Symbol.metadata];if(e!==null){const s=litPropertyMetadata.get(e);if(s!==void 0)for(const[n,i]of s)this.elementProperties.set(n,i)}this._$Eh=new Map;for(const[s,n]of this.elementProperties){const i=this._$Eu(s,n);i!==void 0&&this._$Eh.set(i,s)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const s=[];if(Array.isArray(e)){const n=new Set(e.flat(1/0).reverse());for(const i of n)s.unshift(Kt(i))}else e!==void 0&&s.push(Kt(e));return s}static _$Eu(e,s){const n=s.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,s=this.constructor.elementProperties;for(const n of s.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return en(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,s,n){this._$AK(e,n)}_$ET(e,s){const n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){const r=(n.converter?.toAttribute!==void 0?n.converter:ct).toAttribute(s,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,s){const n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){const r=n.getPropertyOptions(i),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:ct;this._$Em=i;const d=a.fromAttribute(s,r.type);this[i]=d??this._$Ej?.get(i)??d,this._$Em=null}}requestUpdate(e,s,n,i=!1,r){if(e!==void 0){const a=this.constructor;if(i===!1&&(r=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??zt)(r,s)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,s,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,s,{useDefault:n,reflect:i,wrapped:r},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??s??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(s=void 0),this._$AL.set(e,s)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(s){Promise.reject(s)}const e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}const n=this.constructor.elementProperties;if(n.size>0)for(const[i,r]of n){const{wrapped:a}=r,d=this[i];a!==!0||this._$AL.has(i)||d===void 0||this.C(i,void 0,r,d)}}let e=!1;const s=this._$AL;try{e=this.shouldUpdate(s),e?(this.willUpdate(s),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(s)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(s)}willUpdate(e){}_$AE(e){this._$EO?.forEach(s=>s.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(s=>this._$ET(s,this[s])),this._$EM()}updated(e){}firstUpdated(e){}};_e.elementStyles=[],_e.shadowRootOptions={mode:"open"},_e[Re("elementProperties")]=new Map,_e[Re("finalized")]=new Map,ln?.({ReactiveElement:_e}),(gt.reactiveElementVersions??=[]).push("2.1.2");const Rt=globalThis,Xt=t=>t,lt=Rt.trustedTypes,Qt=lt?lt.createPolicy("lit-html",{createHTML:t=>t}):void 0,Ps="$lit$",K=`lit$${Math.random().toFixed(9).slice(2)}$`,As="?"+K,dn=`<${As}>`,ae=document,qe=()=>ae.createComment(""),He=t=>t===null||typeof t!="object"&&typeof t!="function",Ut=Array.isArray,un=t=>Ut(t)||typeof t?.[Symbol.iterator]=="function",yt=`[ 	
\f\r]`,De=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,es=/-->/g,ts=/>/g,ie=RegExp(`>|${yt}(?:([^\\s"'>=/]+)(${yt}*=${yt}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),ss=/'/g,ns=/"/g,Es=/^(?:script|style|textarea|title)$/i,Cs=t=>(e,...s)=>({_$litType$:t,strings:e,values:s}),c=Cs(1),hn=Cs(2),j=Symbol.for("lit-noChange"),l=Symbol.for("lit-nothing"),is=new WeakMap,re=ae.createTreeWalker(ae,129);function Os(t,e){if(!Ut(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return Qt!==void 0?Qt.createHTML(e):e}const pn=(t,e)=>{const s=t.length-1,n=[];let i,r=e===2?"<svg>":e===3?"<math>":"",a=De;for(let d=0;d<s;d++){const u=t[d];let h,g,f=-1,y=0;for(;y<u.length&&(a.lastIndex=y,g=a.exec(u),g!==null);)y=a.lastIndex,a===De?g[1]==="!--"?a=es:g[1]!==void 0?a=ts:g[2]!==void 0?(Es.test(g[2])&&(i=RegExp("</"+g[2],"g")),a=ie):g[3]!==void 0&&(a=ie):a===ie?g[0]===">"?(a=i??De,f=-1):g[1]===void 0?f=-2:(f=a.lastIndex-g[2].length,h=g[1],a=g[3]===void 0?ie:g[3]==='"'?ns:ss):a===ns||a===ss?a=ie:a===es||a===ts?a=De:(a=ie,i=void 0);const $=a===ie&&t[d+1].startsWith("/>")?" ":"";r+=a===De?u+dn:f>=0?(n.push(h),u.slice(0,f)+Ps+u.slice(f)+K+$):u+K+(f===-2?d:$)}return[Os(t,r+(t[s]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]};class Be{constructor({strings:e,_$litType$:s},n){let i;this.parts=[];let r=0,a=0;const d=e.length-1,u=this.parts,[h,g]=pn(e,s);if(this.el=Be.createElement(h,n),re.currentNode=this.el.content,s===2||s===3){const f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(i=re.nextNode())!==null&&u.length<d;){if(i.nodeType===1){if(i.hasAttributes())for(const f of i.getAttributeNames())if(f.endsWith(Ps)){const y=g[a++],$=i.getAttribute(f).split(K),L=/([.?@])?(.*)/.exec(y);u.push({type:1,index:r,name:L[2],strings:$,ctor:L[1]==="."?gn:L[1]==="?"?fn:L[1]==="@"?vn:ft}),i.removeAttribute(f)}else f.startsWith(K)&&(u.push({type:6,index:r}),i.removeAttribute(f));if(Es.test(i.tagName)){const f=i.textContent.split(K),y=f.length-1;if(y>0){i.textContent=lt?lt.emptyScript:"";for(let $=0;$<y;$++)i.append(f[$],qe()),re.nextNode(),u.push({type:2,index:++r});i.append(f[y],qe())}}}else if(i.nodeType===8)if(i.data===As)u.push({type:2,index:r});else{let f=-1;for(;(f=i.data.indexOf(K,f+1))!==-1;)u.push({type:7,index:r}),f+=K.length-1}r++}}static createElement(e,s){const n=ae.createElement("template");return n.innerHTML=e,n}}function Pe(t,e,s=t,n){if(e===j)return e;let i=n!==void 0?s._$Co?.[n]:s._$Cl;const r=He(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(t),i._$AT(t,s,n)),n!==void 0?(s._$Co??=[])[n]=i:s._$Cl=i),i!==void 0&&(e=Pe(t,i._$AS(t,e.values),i,n)),e}class mn{constructor(e,s){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=s}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:s},parts:n}=this._$AD,i=(e?.creationScope??ae).importNode(s,!0);re.currentNode=i;let r=re.nextNode(),a=0,d=0,u=n[0];for(;u!==void 0;){if(a===u.index){let h;u.type===2?h=new Ge(r,r.nextSibling,this,e):u.type===1?h=new u.ctor(r,u.name,u.strings,this,e):u.type===6&&(h=new bn(r,this,e)),this._$AV.push(h),u=n[++d]}a!==u?.index&&(r=re.nextNode(),a++)}return re.currentNode=ae,i}p(e){let s=0;for(const n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,s),s+=n.strings.length-2):n._$AI(e[s])),s++}}class Ge{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,s,n,i){this.type=2,this._$AH=l,this._$AN=void 0,this._$AA=e,this._$AB=s,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const s=this._$AM;return s!==void 0&&e?.nodeType===11&&(e=s.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,s=this){e=Pe(this,e,s),He(e)?e===l||e==null||e===""?(this._$AH!==l&&this._$AR(),this._$AH=l):e!==this._$AH&&e!==j&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):un(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==l&&He(this._$AH)?this._$AA.nextSibling.data=e:this.T(ae.createTextNode(e)),this._$AH=e}$(e){const{values:s,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=Be.createElement(Os(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(s);else{const r=new mn(i,this),a=r.u(this.options);r.p(s),this.T(a),this._$AH=r}}_$AC(e){let s=is.get(e.strings);return s===void 0&&is.set(e.strings,s=new Be(e)),s}k(e){Ut(this._$AH)||(this._$AH=[],this._$AR());const s=this._$AH;let n,i=0;for(const r of e)i===s.length?s.push(n=new Ge(this.O(qe()),this.O(qe()),this,this.options)):n=s[i],n._$AI(r),i++;i<s.length&&(this._$AR(n&&n._$AB.nextSibling,i),s.length=i)}_$AR(e=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);e!==this._$AB;){const n=Xt(e).nextSibling;Xt(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}}class ft{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,s,n,i,r){this.type=1,this._$AH=l,this._$AN=void 0,this.element=e,this.name=s,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=l}_$AI(e,s=this,n,i){const r=this.strings;let a=!1;if(r===void 0)e=Pe(this,e,s,0),a=!He(e)||e!==this._$AH&&e!==j,a&&(this._$AH=e);else{const d=e;let u,h;for(e=r[0],u=0;u<r.length-1;u++)h=Pe(this,d[n+u],s,u),h===j&&(h=this._$AH[u]),a||=!He(h)||h!==this._$AH[u],h===l?e=l:e!==l&&(e+=(h??"")+r[u+1]),this._$AH[u]=h}a&&!i&&this.j(e)}j(e){e===l?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class gn extends ft{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===l?void 0:e}}class fn extends ft{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==l)}}class vn extends ft{constructor(e,s,n,i,r){super(e,s,n,i,r),this.type=5}_$AI(e,s=this){if((e=Pe(this,e,s,0)??l)===j)return;const n=this._$AH,i=e===l&&n!==l||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==l&&(n===l||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class bn{constructor(e,s,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=s,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){Pe(this,e)}}const yn=Rt.litHtmlPolyfillSupport;yn?.(Be,Ge),(Rt.litHtmlVersions??=[]).push("3.3.3");const $n=(t,e,s)=>{const n=s?.renderBefore??e;let i=n._$litPart$;if(i===void 0){const r=s?.renderBefore??null;n._$litPart$=i=new Ge(e.insertBefore(qe(),r),r,void 0,s??{})}return i._$AI(t),i};const Mt=globalThis;let Ue=class extends _e{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const s=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=$n(s,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return j}};Ue._$litElement$=!0,Ue.finalized=!0,Mt.litElementHydrateSupport?.({LitElement:Ue});const wn=Mt.litElementPolyfillSupport;wn?.({LitElement:Ue});(Mt.litElementVersions??=[]).push("4.2.2");const k=t=>(e,s)=>{s!==void 0?s.addInitializer(()=>{customElements.define(t,e)}):customElements.define(t,e)};const _n={attribute:!0,type:String,converter:ct,reflect:!1,hasChanged:zt},kn=(t=_n,e,s)=>{const{kind:n,metadata:i}=s;let r=globalThis.litPropertyMetadata.get(i);if(r===void 0&&globalThis.litPropertyMetadata.set(i,r=new Map),n==="setter"&&((t=Object.create(t)).wrapped=!0),r.set(s.name,t),n==="accessor"){const{name:a}=s;return{set(d){const u=e.get.call(this);e.set.call(this,d),this.requestUpdate(a,u,t,!0,d)},init(d){return d!==void 0&&this.C(a,void 0,t,d),d}}}if(n==="setter"){const{name:a}=s;return function(d){const u=this[a];e.call(this,d),this.requestUpdate(a,u,t,!0,d)}}throw Error("Unsupported decorator location: "+n)};function b(t){return(e,s)=>typeof s=="object"?kn(t,e,s):((n,i,r)=>{const a=i.hasOwnProperty(r);return i.constructor.createProperty(r,n),a?Object.getOwnPropertyDescriptor(i,r):void 0})(t,e,s)}function p(t){return b({...t,state:!0,attribute:!1})}const xn={code:"de",label:"Deutsch",server:"en",messages:{"app.name":"OrbitHub","app.offline":"Offline: die gespeicherte App wird angezeigt; Änderungen brauchen den Hub.","app.live":"Live","app.reconnecting":"Verbindung wird wiederhergestellt…","app.loading":"Wird geladen…","app.retry":"Erneut versuchen","app.close":"Schließen","app.save":"Speichern","app.cancel":"Abbrechen","app.none":"Hier ist noch nichts.","app.unavailable":"Auf diesem Hub nicht verfügbar.","nav.home":"Zuhause","nav.energy":"Energie","nav.activity":"Verlauf","nav.alerts":"Posteingang","nav.more":"Mehr","login.title":"Bei OrbitHub anmelden","login.username":"Benutzername","login.password":"Passwort","login.submit":"Anmelden","login.failed":"Anmeldung fehlgeschlagen: {message}","onboarding.title":"Willkommen! Lege das Konto des Eigentümers an","onboarding.intro":"Dieser Hub hat noch keine Benutzer. Das erste Konto gehört dem Eigentümer.","onboarding.display_name":"Dein Name","onboarding.submit":"Eigentümer anlegen",logout:"Abmelden","spaces.rooms_all":"Alle Räume","spaces.no_room":"Ganzer Bereich","spaces.empty":"Hier gibt es keine Geräte, die du sehen darfst.","spaces.kind.home":"Zuhause","spaces.kind.office":"Büro","spaces.kind.vehicle":"Auto","device.online":"Online","device.offline":"Offline","device.read_only":"Nur ansehen","device.details":"Details","device.confirmed":"{name}: erledigt","device.not_confirmed":"{name}: gesendet, das Gerät hat es noch nicht bestätigt","device.not_found":"Dieses Gerät gibt es nicht, oder du darfst es nicht sehen.","device.history":"Verlauf","device.no_history":"Für diesen Zeitraum ist nichts aufgezeichnet.","device.back":"Zurück","device.decrease":"Verringern","device.increase":"Erhöhen","confirm.unlock":"{name} entriegeln?","confirm.open":"{name} öffnen?","confirm.disarm":"{name} unscharf schalten?","confirm.unlock_button":"Entriegeln","confirm.open_button":"Öffnen","confirm.disarm_button":"Unscharf schalten","range.hour":"1 Std.","range.day":"24 Std.","range.week":"7 Tage","range.month":"30 Tage","energy.title":"Energie","energy.day":"Tag","energy.month":"Monat","energy.week":"Woche","energy.earlier":"Früher","energy.later":"Später","energy.per_day":"Pro Tag","energy.by_device":"Nach Gerät","energy.by_room":"Nach Raum","energy.total":"Gesamt {value} {unit}","energy.span":"Zeitraum","energy.today":"Zurück zu heute","energy.per_hour":"Pro Stunde","energy.top":"Größte Verbraucher","energy.nothing_used":"In diesem Zeitraum hat kein Gerät mit Zähler Strom verbraucht.","energy.priced_at":"Berechnet mit dem Stromtarif des Zuhauses: {tariff}","energy.no_tariff_title":"Kein Stromtarif","energy.no_tariff":"Für dieses Zuhause ist noch kein Stromtarif festgelegt; die App zeigt den Verbrauch, aber keine Kosten.","energy.no_tariff_ask":"Eigentümer oder Erwachsene des Zuhauses können ihn hier festlegen.","energy.price_per_kwh":"Preis pro kWh (ganztags gleich)","energy.currency":"Währung (drei Buchstaben, z. B. EUR, CNY)","energy.set_tariff":"Tarif festlegen","energy.flat_tariff":"Ganztags ein Preis","car.title":"Auto","car.battery":"Akku","car.range":"Reichweite","car.charging":"Laden","car.limit":"Ladegrenze","car.climate":"Laden, Innenraumklima und Türen","car.location":"Standort","car.plan":"Ladeplan","car.eta":"Ankunft","car.home":"Zuhause","car.office":"Büro","car.distance":"{km} km von zu Hause","car.eta_line":"{place}: {time} (in {minutes} Min.)","car.settings":"Ladeeinstellungen","car.target":"Ziel bis Abfahrt (%)","car.departure":"Abfahrt","car.settings_hint":"Der Plan lädt bis zur Abfahrt auf das Ziel, in den günstigsten Stunden des Tarifs; die Grenze ist das Höchste, worauf das Auto je lädt (schont den Akku).","car.precondition":"Innenraum jetzt vorheizen","car.preconditioning":"Der Innenraum wird auf {temperature} °C gebracht.","car.saved":"Gespeichert: das Auto plant neu.","car.target_over_limit":"Das Ziel ({target} %) liegt über der Grenze ({limit} %): Grenze erhöhen oder Ziel senken.","car.plan_line":"{target} % bis {time} · {cost}","activity.title":"Verlauf","activity.events":"Ereignisse","activity.audit":"Prüfprotokoll","activity.online":"{device} ist online","activity.offline":"{device} ist offline gegangen","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"an","activity.off":"aus","activity.zone_enter":"{device} hat {space} erreicht","activity.zone_leave":"{device} hat {space} verlassen","activity.arrived":"{person} ist in {space} angekommen","activity.left":"{person} hat {space} verlassen","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Jemand","assistant.placeholder":"Frage oder Befehl, z. B. „Küchenlicht an“","assistant.send":"Senden","assistant.all":"Alle","assistant.cancel":"Abbrechen","assistant.choices":"Wähle eines","notifications.title":"Benachrichtigungen","notifications.mark_read":"Als gelesen markieren","automations.title":"Automationen","automations.last_run":"Zuletzt gelaufen {time}: {outcome}","automations.never":"Noch nie gelaufen","automations.why":"Warum?","automations.run":"Jetzt ausführen","automations.started":"Gestartet.","automations.not_started":"Nicht gestartet: {reason}","automations.why_none":"Keine kürzliche Prüfung ihrer Auslöser hat sie aufgehalten.","automations.enabled":"An","automations.disabled":"Aus","insights.suggestions":"Vorschläge","insights.alerts":"Warnungen","insights.accept":"Annehmen","insights.reject":"Ablehnen","insights.dismiss":"Verwerfen","users.title":"Benutzer und Zugriff","users.create":"Benutzer hinzufügen","users.role":"Rolle","users.display_name":"Anzeigename","users.role.owner":"Eigentümer","users.role.adult":"Erwachsen","users.role.child":"Kind","users.role.guest":"Gast","users.grants":"Zugriff","users.grant":"Zugriff geben","users.revoke":"Entziehen","users.delete":"Benutzer entfernen","users.space":"Bereich","users.rooms":"Räume (keiner angekreuzt: der ganze Bereich)","users.devices":"Geräte (optional)","users.expires":"Läuft ab (optional)","users.whole_space":"ganzer Bereich","users.until":"bis {time}","users.delete_question":"{name} entfernen? Zugriff und Sitzungen enden.","users.revoke_question":"{name} den Zugriff auf {what} entziehen?","users.password_set":"Neues Passwort für {name} gesetzt; die Sitzungen wurden beendet.","users.reset_password":"Passwort setzen","users.new_password":"Neues Passwort","users.no_expiry":"läuft nicht ab","settings.title":"Einstellungen","settings.language":"Sprache","settings.companion":"Dieses Telefon als Begleiter nutzen (Standort und Akku)","settings.companion_hint":"Meldungen gehen nur an deinen Hub, solange die App offen ist.","settings.push":"Push-Benachrichtigungen","settings.push_on":"Push einschalten","settings.push_done":"Push-Benachrichtigungen sind für diesen Browser an.","settings.push_unavailable":"Push ist nicht verfügbar (dem Hub oder diesem Browser fehlt es).","settings.signed_in_as":"Angemeldet als {name} ({role})","settings.security_notices":"Mir sagen, wenn ein Kind oder Gast eine Tür entriegelt oder die Garage öffnet","users.counts_for_presence":"Sein Telefon zählt dazu, wer zu Hause ist","more.title":"Mehr","error.offline":"Der Hub ist nicht erreichbar. Prüfe die Verbindung und versuche es erneut.","error.generic":"Etwas ist schiefgegangen ({status}).","device.unavailable":"Nicht verfügbar","device.stale":"(zuletzt bekannt)","device.last_command":"Zuletzt bedient: {who}, {time}","device.favourite":"Favorit","kind.more":"Weitere Einstellungen","kind.room_now":"Raum jetzt: {reading}","kind.climate_off":"Aus: Der Zielwert gilt beim Einschalten.","kind.warm":"Warm","kind.cool":"Kalt","kind.fully_open":"Ganz offen","kind.moving":"Fährt auf {value} %","kind.motor":"Öffnen, Stopp oder Schließen","kind.open":"Öffnen","kind.stop":"Stopp","kind.close":"Schließen","kind.temperature":"Temperatur","kind.humidity":"Luftfeuchte","kind.air_good":"gut","kind.air_moderate":"mäßig","kind.air_poor":"schlecht","kind.door":"Tür oder Fenster","kind.motion":"Bewegung","kind.last_motion":"Letzte Bewegung {ago}","kind.light_level":"Helligkeit","kind.battery":"Akku","kind.cleaned":"Gereinigt","kind.start":"Start","kind.pause":"Pause","kind.dock":"Zur Station","kind.not_charging":"Lädt nicht","kind.plug":"Stecker","kind.plugged":"Eingesteckt","kind.unplugged":"Nicht eingesteckt","kind.power":"Leistung","kind.session":"Dieser Ladevorgang","glance.title":"Auf einen Blick","glance.people":"Zu Hause","glance.nobody":"Niemand","glance.inside":"Innen","glance.doors":"Türen und Schlösser","glance.all_locked":"Alles verriegelt","glance.unlocked_named":"{names} entriegelt","glance.open_count":"{count} offen","glance.doors_closed":"Türen zu","glance.secure":"Verriegelt und zu","glance.energy":"Energie heute","glance.eta":"{place} in {minutes} Min.","glance.charging":"Lädt","glance.locked":"Verriegelt","glance.unlocked":"Entriegelt","glance.open":"Offen","glance.closed":"Zu","glance.motion":"Bewegung jetzt","glance.no_motion":"Keine Bewegung","glance.on":"An","glance.off":"Aus","glance.position":"{value} % offen","glance.battery":"Akku {value} %","scenes.title":"Szenen","scenes.done":"{name}: erledigt","scenes.partial":"{name}: {count} nicht gesetzt ({reason})","spaces.favourites":"Favoriten","spaces.on_count":"{count} an","spaces.all_off":"Alles aus"},spec:{on:"Schalter",brightness:"Helligkeit","color-temperature":"Farbtemperatur",mode:"Modus","target-temperature":"Zieltemperatur","fan-level":"Lüfterstufe",temperature:"Temperatur","outside-temperature":"Außentemperatur","relative-humidity":"Relative Luftfeuchte","electric-power":"Leistung","power-consumption":"Verbrauch",voltage:"Spannung","electric-current":"Strom","battery-level":"Akkustand",charging:"Lädt","charging-state":"Ladezustand","charge-limit":"Ladegrenze",range:"Reichweite",speed:"Geschwindigkeit",odometer:"Kilometerstand",latitude:"Breitengrad",longitude:"Längengrad",heading:"Richtung",locked:"Verriegelt","door-state":"Türzustand","operation-method":"Öffnungsart","motor-control":"Motorsteuerung","current-position":"Aktuelle Position","target-position":"Zielposition",status:"Status","cleaned-area":"Gereinigte Fläche","max-current":"Maximaler Strom",plugged:"Eingesteckt",toggle:"Umschalten","start-sweep":"Reinigung starten","stop-sweeping":"Reinigung stoppen","return-to-dock":"Zur Station","start-charge":"Laden starten","stop-charge":"Laden stoppen",Auto:"Automatisch",Cool:"Kühlen",Dry:"Entfeuchten",Heat:"Heizen",Fan:"Lüften",Low:"Niedrig",Medium:"Mittel",High:"Hoch",Pause:"Pause",Open:"Öffnen",Close:"Schließen",Closed:"Geschlossen",Idle:"Bereit",Charging:"Lädt",Finished:"Fertig",Complete:"Voll",Fault:"Störung",Disconnected:"Nicht verbunden",Plugged:"Eingesteckt",Sweeping:"Reinigt",Paused:"Pausiert",Error:"Fehler",Returning:"Kehrt zurück",Key:"Schlüssel",App:"App",Fingerprint:"Fingerabdruck",Password:"Passwort","reset-filter-life":"Filterlaufzeit zurücksetzen","self-test":"Selbsttest",accuracy:"Genauigkeit","at-home":"Zu Hause",channel:"Kanal","contact-state":"Kontakt geschlossen","filter-life-level":"Filterrestlaufzeit",illumination:"Helligkeit der Umgebung","motion-state":"Bewegung",mute:"Stumm","pm2.5-density":"PM2,5-Konzentration","smoke-concentration":"Rauchkonzentration","smoke-detected":"Rauch erkannt",ssid:"Verbundenes WLAN",volume:"Lautstärke",Eco:"Eco",Favorite:"Favorit","Frost Protection":"Frostschutz",Manual:"Manuell","No Faults":"Keine Störungen","Sensor Fault":"Sensorstörung",Sleep:"Schlafen"}},Sn=Object.freeze(Object.defineProperty({__proto__:null,locale:xn},Symbol.toStringTag,{value:"Module"})),Ts={"app.name":"OrbitHub","app.offline":"Offline: showing the saved app; changes need the hub.","app.live":"Live","app.reconnecting":"Reconnecting…","app.loading":"Loading…","app.retry":"Retry","app.close":"Close","app.save":"Save","app.cancel":"Cancel","app.none":"Nothing here yet.","app.unavailable":"Not available on this hub.","nav.home":"Home","nav.energy":"Energy","nav.activity":"Activity","nav.alerts":"Inbox","nav.more":"More","login.title":"Sign in to OrbitHub","login.username":"User name","login.password":"Password","login.submit":"Sign in","login.failed":"Sign-in failed: {message}","onboarding.title":"Welcome! Create the owner account","onboarding.intro":"This hub has no users yet. The first account owns the hub.","onboarding.display_name":"Your name","onboarding.submit":"Create owner",logout:"Sign out","spaces.rooms_all":"All rooms","spaces.no_room":"Whole space","spaces.empty":"No devices you may see here.","spaces.kind.home":"Home","spaces.kind.office":"Office","spaces.kind.vehicle":"Car","device.online":"Online","device.offline":"Offline","device.read_only":"View only","device.details":"Details","device.confirmed":"{name}: done","device.not_confirmed":"{name}: sent, the device has not confirmed yet","device.not_found":"This device does not exist or you may not see it.","device.history":"History","device.no_history":"No history recorded for this range.","device.back":"Back","device.decrease":"Decrease","device.increase":"Increase","confirm.unlock":"Unlock {name}?","confirm.open":"Open {name}?","confirm.disarm":"Disarm {name}?","confirm.unlock_button":"Unlock","confirm.open_button":"Open","confirm.disarm_button":"Disarm","range.hour":"1 h","range.day":"24 h","range.week":"7 days","range.month":"30 days","energy.title":"Energy","energy.day":"Day","energy.month":"Month","energy.week":"Week","energy.earlier":"Earlier","energy.later":"Later","energy.per_day":"Per day","energy.by_device":"By device","energy.by_room":"By room","energy.total":"Total {value} {unit}","energy.span":"Period","energy.today":"Back to today","energy.per_hour":"Per hour","energy.top":"Top consumers","energy.nothing_used":"No metered device used energy in this period.","energy.priced_at":"Priced at the home’s tariff: {tariff}","energy.no_tariff_title":"No electricity tariff","energy.no_tariff":"This home has no electricity tariff yet, so the app shows energy but no cost.","energy.no_tariff_ask":"An owner or adult of the home can set one here.","energy.price_per_kwh":"Price per kWh (one price all day)","energy.currency":"Currency (three letters, e.g. CNY, EUR)","energy.set_tariff":"Set tariff","energy.flat_tariff":"One price all day","car.title":"Car","car.battery":"Battery","car.range":"Range","car.charging":"Charging","car.limit":"Charge limit","car.climate":"Charging, cabin climate and doors","car.location":"Location","car.plan":"Charging plan","car.eta":"Arrival","car.home":"Home","car.office":"Office","car.distance":"{km} km from home","car.eta_line":"{place}: {time} (in {minutes} min)","car.settings":"Charging settings","car.target":"Target by departure (%)","car.departure":"Departure","car.settings_hint":"The plan charges to the target by departure, in the cheapest hours of the tariff; the limit is the most the car ever charges to (kinder to the battery).","car.precondition":"Warm up the cabin now","car.preconditioning":"The cabin is being brought to {temperature} °C.","car.saved":"Saved: the car plans again.","car.target_over_limit":"The target ({target}%) is above the limit ({limit}%): raise the limit or lower the target.","car.plan_line":"{target}% by {time} · {cost}","activity.title":"Activity","activity.events":"Events","activity.audit":"Audit log","activity.online":"{device} is online","activity.offline":"{device} went offline","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"on","activity.off":"off","activity.zone_enter":"{device} entered {space}","activity.zone_leave":"{device} left {space}","activity.arrived":"{person} arrived at {space}","activity.left":"{person} left {space}","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Someone","assistant.placeholder":"Ask or command, e.g. “turn on the kitchen light”","assistant.send":"Send","assistant.all":"All of them","assistant.cancel":"Cancel","assistant.choices":"Choose one","notifications.title":"Notifications","notifications.mark_read":"Mark read","automations.title":"Automations","automations.last_run":"Last run {time}: {outcome}","automations.never":"Never run","automations.why":"Why?","automations.run":"Run now","automations.started":"Started.","automations.not_started":"Not started: {reason}","automations.why_none":"No recent check of its triggers held it back.","automations.enabled":"On","automations.disabled":"Off","insights.suggestions":"Suggestions","insights.alerts":"Alerts","insights.accept":"Accept","insights.reject":"Reject","insights.dismiss":"Dismiss","users.title":"Users and access","users.create":"Add user","users.role":"Role","users.display_name":"Display name","users.role.owner":"Owner","users.role.adult":"Adult","users.role.child":"Child","users.role.guest":"Guest","users.grants":"Access","users.grant":"Grant access","users.revoke":"Revoke","users.delete":"Remove user","users.space":"Space","users.rooms":"Rooms (none ticked: the whole space)","users.devices":"Devices (optional)","users.expires":"Expires (optional)","users.whole_space":"whole space","users.until":"until {time}","users.delete_question":"Remove {name}? Their access and sessions end.","users.revoke_question":"Revoke access to {what} for {name}?","users.password_set":"New password set for {name}; their sessions were ended.","users.reset_password":"Set password","users.new_password":"New password","users.no_expiry":"no expiry","settings.title":"Settings","settings.language":"Language","settings.companion":"Use this phone as a companion (location and battery)","settings.companion_hint":"Reports go to your hub only, while the app is open.","settings.push":"Push notifications","settings.push_on":"Enable push","settings.push_done":"Push notifications are on for this browser.","settings.push_unavailable":"Push is not available (the hub or this browser lacks it).","settings.signed_in_as":"Signed in as {name} ({role})","settings.security_notices":"Tell me when a child or guest unlocks a door or opens the garage","users.counts_for_presence":"Their phone counts toward who is home","more.title":"More","error.offline":"The hub cannot be reached. Check the connection and try again.","error.generic":"Something went wrong ({status}).","device.unavailable":"Unavailable","device.stale":"(last known)","device.last_command":"Last command: {who}, {time}","device.favourite":"Favourite","kind.more":"More settings","kind.room_now":"Room now: {reading}","kind.climate_off":"Off: the target applies when it is switched on.","kind.warm":"Warm","kind.cool":"Cool","kind.fully_open":"Fully open","kind.moving":"Moving to {value}%","kind.motor":"Open, stop or close","kind.open":"Open","kind.stop":"Stop","kind.close":"Close","kind.temperature":"Temperature","kind.humidity":"Humidity","kind.air_good":"good","kind.air_moderate":"moderate","kind.air_poor":"poor","kind.door":"Door or window","kind.motion":"Motion","kind.last_motion":"Last motion {ago}","kind.light_level":"Light level","kind.battery":"Battery","kind.cleaned":"Cleaned","kind.start":"Start","kind.pause":"Pause","kind.dock":"Back to dock","kind.not_charging":"Not charging","kind.plug":"Plug","kind.plugged":"Plugged in","kind.unplugged":"Not plugged in","kind.power":"Power","kind.session":"This session","glance.title":"At a glance","glance.people":"At home","glance.nobody":"Nobody","glance.inside":"Inside","glance.doors":"Doors and locks","glance.all_locked":"All locked","glance.unlocked_named":"{names} unlocked","glance.open_count":"{count} open","glance.doors_closed":"Doors closed","glance.secure":"Locked and closed","glance.energy":"Energy today","glance.eta":"{place} in {minutes} min","glance.charging":"Charging","glance.locked":"Locked","glance.unlocked":"Unlocked","glance.open":"Open","glance.closed":"Closed","glance.motion":"Motion now","glance.no_motion":"No motion","glance.on":"On","glance.off":"Off","glance.position":"{value}% open","glance.battery":"Battery {value}%","scenes.title":"Scenes","scenes.done":"{name}: done","scenes.partial":"{name}: {count} not set ({reason})","spaces.favourites":"Favourites","spaces.on_count":"{count} on","spaces.all_off":"All off"},Pn={code:"en",label:"English",server:"en",messages:Ts,spec:{}},An=Object.freeze(Object.defineProperty({__proto__:null,locale:Pn,messages:Ts},Symbol.toStringTag,{value:"Module"})),En=Object.freeze(Object.defineProperty({__proto__:null},Symbol.toStringTag,{value:"Module"})),Cn={code:"zh-CN",label:"简体中文",server:"zh",messages:{"app.name":"OrbitHub","app.offline":"离线：正在显示已保存的应用；操作需要连接到中枢。","app.live":"实时","app.reconnecting":"正在重新连接…","app.loading":"加载中…","app.retry":"重试","app.close":"关闭","app.save":"保存","app.cancel":"取消","app.none":"这里还没有内容。","app.unavailable":"此中枢不提供该功能。","nav.home":"家居","nav.energy":"能耗","nav.activity":"动态","nav.alerts":"消息","nav.more":"更多","login.title":"登录 OrbitHub","login.username":"用户名","login.password":"密码","login.submit":"登录","login.failed":"登录失败：{message}","onboarding.title":"欢迎！请创建所有者账户","onboarding.intro":"此中枢还没有用户。第一个账户将成为所有者。","onboarding.display_name":"你的名字","onboarding.submit":"创建所有者",logout:"退出登录","spaces.rooms_all":"全部房间","spaces.no_room":"整个空间","spaces.empty":"这里没有你可以查看的设备。","spaces.kind.home":"家","spaces.kind.office":"办公室","spaces.kind.vehicle":"汽车","device.online":"在线","device.offline":"离线","device.read_only":"仅可查看","device.details":"详情","device.confirmed":"{name}：已完成","device.not_confirmed":"{name}：已发送，设备尚未确认","device.not_found":"该设备不存在，或你无权查看。","device.history":"历史记录","device.no_history":"该时间段没有历史记录。","device.back":"返回","device.decrease":"减少","device.increase":"增加","confirm.unlock":"要解锁{name}吗？","confirm.open":"要打开{name}吗？","confirm.disarm":"要撤防{name}吗？","confirm.unlock_button":"解锁","confirm.open_button":"打开","confirm.disarm_button":"撤防","range.hour":"1 小时","range.day":"24 小时","range.week":"7 天","range.month":"30 天","energy.title":"能耗","energy.day":"按日","energy.month":"按月","energy.week":"周","energy.earlier":"更早","energy.later":"更晚","energy.per_day":"每日","energy.by_device":"按设备","energy.by_room":"按房间","energy.total":"合计 {value} {unit}","energy.span":"时段","energy.today":"回到今天","energy.per_hour":"每小时","energy.top":"用电最多","energy.nothing_used":"此时段内没有计量设备用电。","energy.priced_at":"按本家电价计算：{tariff}","energy.no_tariff_title":"未设置电价","energy.no_tariff":"此家庭尚未设置电价，因此只显示用电量，不显示电费。","energy.no_tariff_ask":"家庭的所有者或成人可在此设置电价。","energy.price_per_kwh":"每千瓦时电价（全天同价）","energy.currency":"货币（三个字母，如 CNY、EUR）","energy.set_tariff":"设置电价","energy.flat_tariff":"全天同价","car.title":"汽车","car.battery":"电量","car.range":"续航","car.charging":"充电","car.limit":"充电上限","car.climate":"充电、车内空调与车门","car.location":"位置","car.plan":"充电计划","car.eta":"预计到达","car.home":"家","car.office":"办公室","car.distance":"距家 {km} 公里","car.eta_line":"{place}：{time}（{minutes} 分钟后）","car.settings":"充电设置","car.target":"出发前充到（%）","car.departure":"出发时间","car.settings_hint":"计划在出发前、按电价最便宜的时段充到目标电量；上限是车最多充到的电量（更保护电池）。","car.precondition":"现在预热车厢","car.preconditioning":"车厢正在调到 {temperature} °C。","car.saved":"已保存：车辆已重新规划充电。","car.target_over_limit":"目标（{target}%）高于上限（{limit}%）：请提高上限或降低目标。","car.plan_line":"{time} 前充到 {target}% · {cost}","activity.title":"动态","activity.events":"事件","activity.audit":"审计日志","activity.online":"{device} 已上线","activity.offline":"{device} 已离线","activity.command":"{actor}：{device} · {property} → {value}","activity.command_call":"{actor}：{device} · {property}","activity.on":"开","activity.off":"关","activity.zone_enter":"{device} 进入了 {space}","activity.zone_leave":"{device} 离开了 {space}","activity.arrived":"{person} 到达 {space}","activity.left":"{person} 离开 {space}","activity.automation":"自动化 {id}：{outcome}","activity.event":"{device}：{event}","activity.someone":"有人","assistant.placeholder":"提问或下达指令，例如“打开厨房灯”","assistant.send":"发送","assistant.all":"全部","assistant.cancel":"取消","assistant.choices":"选择一个","notifications.title":"通知","notifications.mark_read":"标为已读","automations.title":"自动化","automations.last_run":"上次运行 {time}：{outcome}","automations.never":"从未运行","automations.why":"为什么？","automations.run":"立即运行","automations.started":"已开始运行。","automations.not_started":"未运行：{reason}","automations.why_none":"最近没有被拦下的触发检查。","automations.enabled":"已启用","automations.disabled":"已停用","insights.suggestions":"建议","insights.alerts":"警报","insights.accept":"采纳","insights.reject":"拒绝","insights.dismiss":"忽略","users.title":"用户与权限","users.create":"添加用户","users.role":"角色","users.display_name":"显示名称","users.role.owner":"所有者","users.role.adult":"成人","users.role.child":"儿童","users.role.guest":"访客","users.grants":"访问权限","users.grant":"授予权限","users.revoke":"撤销","users.delete":"删除用户","users.space":"空间","users.rooms":"房间（不勾选即整个空间）","users.devices":"设备（可选）","users.expires":"到期时间（可选）","users.whole_space":"整个空间","users.until":"至 {time}","users.delete_question":"要移除{name}吗？其权限和登录将全部结束。","users.revoke_question":"要撤销{name}对「{what}」的权限吗？","users.password_set":"已为{name}设置新密码，其登录已全部结束。","users.reset_password":"设置密码","users.new_password":"新密码","users.no_expiry":"不过期","settings.title":"设置","settings.language":"语言","settings.companion":"将此手机用作伴侣设备（位置和电量）","settings.companion_hint":"仅在应用打开时上报，且只发送到你的中枢。","settings.push":"推送通知","settings.push_on":"开启推送","settings.push_done":"此浏览器已开启推送通知。","settings.push_unavailable":"推送不可用（中枢或此浏览器不支持）。","settings.signed_in_as":"当前用户：{name}（{role}）","settings.security_notices":"孩子或访客开锁、打开车库门时通知我","users.counts_for_presence":"其手机计入在家人员","more.title":"更多","error.offline":"无法连接到中枢。请检查网络后重试。","error.generic":"出错了（{status}）。","device.unavailable":"不可用","device.stale":"（最后已知）","device.last_command":"最近一次操作：{who}，{time}","device.favourite":"收藏","kind.more":"更多设置","kind.room_now":"室内现在：{reading}","kind.climate_off":"已关闭：开机后按此目标温度运行。","kind.warm":"暖光","kind.cool":"冷光","kind.fully_open":"全开","kind.moving":"正在移动到 {value}%","kind.motor":"打开、停止或关闭","kind.open":"打开","kind.stop":"停止","kind.close":"关闭","kind.temperature":"温度","kind.humidity":"湿度","kind.air_good":"优良","kind.air_moderate":"轻度污染","kind.air_poor":"污染","kind.door":"门窗","kind.motion":"人体移动","kind.last_motion":"上次有人 {ago}","kind.light_level":"光照","kind.battery":"电量","kind.cleaned":"已清扫","kind.start":"开始","kind.pause":"暂停","kind.dock":"回充","kind.not_charging":"未在充电","kind.plug":"充电枪","kind.plugged":"已插枪","kind.unplugged":"未插枪","kind.power":"功率","kind.session":"本次充电","glance.title":"概览","glance.people":"在家","glance.nobody":"没有人","glance.inside":"室内","glance.doors":"门和门锁","glance.all_locked":"全部已锁","glance.unlocked_named":"{names}未锁","glance.open_count":"{count} 个开着","glance.doors_closed":"门已关","glance.secure":"已锁好，门已关","glance.energy":"今日用电","glance.eta":"{minutes} 分钟后到{place}","glance.charging":"充电中","glance.locked":"已上锁","glance.unlocked":"未上锁","glance.open":"开着","glance.closed":"关着","glance.motion":"有人移动","glance.no_motion":"无人移动","glance.on":"开","glance.off":"关","glance.position":"开 {value}%","glance.battery":"电量 {value}%","scenes.title":"场景","scenes.done":"{name}：完成","scenes.partial":"{name}：{count} 项未设置（{reason}）","spaces.favourites":"收藏","spaces.on_count":"{count} 个开着","spaces.all_off":"全部关闭"},spec:{on:"开关",brightness:"亮度","color-temperature":"色温",mode:"模式","target-temperature":"目标温度","fan-level":"风速",temperature:"温度","outside-temperature":"车外温度","relative-humidity":"相对湿度","electric-power":"功率","power-consumption":"用电量",voltage:"电压","electric-current":"电流","battery-level":"电量",charging:"充电中","charging-state":"充电状态","charge-limit":"充电上限",range:"续航",speed:"速度",odometer:"里程",latitude:"纬度",longitude:"经度",heading:"方向",locked:"已上锁","door-state":"门状态","operation-method":"开锁方式","motor-control":"电机控制","current-position":"当前位置","target-position":"目标位置",status:"状态","cleaned-area":"清扫面积","max-current":"最大电流",plugged:"已插枪",toggle:"切换","start-sweep":"开始清扫","stop-sweeping":"停止清扫","return-to-dock":"回充","start-charge":"开始充电","stop-charge":"停止充电",Auto:"自动",Cool:"制冷",Dry:"除湿",Heat:"制热",Fan:"送风",Low:"低",Medium:"中",High:"高",Pause:"暂停",Open:"打开",Close:"关闭",Closed:"已关闭",Idle:"空闲",Charging:"充电中",Finished:"已完成",Complete:"已充满",Fault:"故障",Disconnected:"未连接",Plugged:"已插枪",Sweeping:"清扫中",Paused:"已暂停",Error:"错误",Returning:"返回中",Key:"钥匙",App:"应用",Fingerprint:"指纹",Password:"密码","reset-filter-life":"重置滤芯寿命","self-test":"自检",accuracy:"定位精度","at-home":"在家",channel:"频道","contact-state":"门窗关闭","filter-life-level":"滤芯剩余寿命",illumination:"光照度","motion-state":"有人移动",mute:"静音","pm2.5-density":"PM2.5 浓度","smoke-concentration":"烟雾浓度","smoke-detected":"检测到烟雾",ssid:"已连接的 Wi-Fi",volume:"音量",Eco:"节能",Favorite:"最爱","Frost Protection":"防冻",Manual:"手动","No Faults":"无故障","Sensor Fault":"传感器故障",Sleep:"睡眠"}},On=Object.freeze(Object.defineProperty({__proto__:null,locale:Cn},Symbol.toStringTag,{value:"Module"})),Tn=Object.assign({"./locales/de.ts":Sn,"./locales/en.ts":An,"./locales/locale.ts":En,"./locales/zh-CN.ts":On}),oe=Object.values(Tn).map(t=>t.locale).filter(t=>t!==void 0).sort((t,e)=>t.code==="en"?-1:e.code==="en"?1:t.code.localeCompare(e.code)),Is=oe.map(({code:t,label:e})=>({code:t,label:e})),Ls="orbithub.language",kt=new EventTarget;function xt(t){if(!t)return null;const e=t.toLowerCase(),s=oe.find(i=>i.code.toLowerCase()===e);if(s)return s.code;const n=e.split("-")[0];return oe.find(i=>i.code.toLowerCase().split("-")[0]===n)?.code??null}function In(){const t=xt(localStorage.getItem(Ls));if(t)return t;for(const e of navigator.languages??[navigator.language]){const s=xt(e);if(s)return s}return"en"}let F=In(),Ae=oe.find(t=>t.code===F)??oe[0];document.documentElement.lang=F;function O(){return F}function dt(){return Ae.server}function Ds(t){const e=xt(t);e&&(localStorage.setItem(Ls,e),e!==F&&(F=e,Ae=oe.find(s=>s.code===F)??oe[0],document.documentElement.lang=e,kt.dispatchEvent(new Event("change"))))}function Ln(t){return kt.addEventListener("change",t),()=>kt.removeEventListener("change",t)}function o(t,e={}){return Ae.messages[t].replace(/\{(\w+)\}/g,(n,i)=>String(e[i]??`{${i}}`))}function Fe(t,e){return Ae.spec[t]??Ae.spec[e]??e}function x(t,e=[]){return Ae.server!=="zh"?t:e.find(s=>/[\u4e00-\u9fff]/.test(s))??t}const Dn={celsius:"°C",percentage:"%",kelvin:"K",watt:"W",kWh:"kWh",volt:"V",ampere:"A",km:"km","km/h":"km/h",meters:"m",m2:"m²",degree:"°"};function Ee(t){return!t||t==="none"?"":Dn[t]??t}function X(t,e){const s={month:"short",day:"numeric",hour:"2-digit",minute:"2-digit"};try{return new Date(t*1e3).toLocaleString(F,{...s,timeZone:e})}catch{return new Date(t*1e3).toLocaleString(F,s)}}function v(t,e=1){return t.toLocaleString(F,{maximumFractionDigits:e})}const $t="orbithub.tokens";class J extends Error{constructor(e,s,n,i=null){super(n),this.status=e,this.code=s,this.detail=i}get missing(){return this.status===404||this.status===503}}class zn extends EventTarget{constructor(){super(),this.tokens=null,this.reachable=!0,this.refreshing=null;try{this.tokens=JSON.parse(localStorage.getItem($t)??"null")}catch{this.tokens=null}}get signedIn(){return this.tokens!==null}get accessToken(){return this.tokens?.access_token??null}keep(e){this.tokens={access_token:e.access_token,refresh_token:e.refresh_token},localStorage.setItem($t,JSON.stringify(this.tokens)),this.dispatchEvent(new Event("tokens"))}forget(){this.tokens=null,localStorage.removeItem($t),this.dispatchEvent(new Event("signedout"))}async login(e,s){const n=await this.request("POST","/api/auth/login",{username:e,password:s},!1);return this.keep(n),n.user}async logout(){const e=this.tokens?.refresh_token;e&&await this.request("POST","/api/auth/logout",{refresh_token:e},!1).catch(()=>null),this.forget()}refresh(){if(this.refreshing)return this.refreshing;const e=this.tokens?.refresh_token;return e?(this.refreshing=this.request("POST","/api/auth/refresh",{refresh_token:e},!1).then(s=>(this.keep(s),!0)).catch(s=>(s instanceof J&&s.status!==0&&this.forget(),!1)).finally(()=>{this.refreshing=null}),this.refreshing):Promise.resolve(!1)}get(e){return this.request("GET",e)}async optional(e){try{return await this.get(e)}catch(s){if(s instanceof J&&s.missing)return null;throw s}}async request(e,s,n,i=!0){let r=await this.send(e,s,n,i);if(r.status===401&&i&&await this.refresh()&&(r=await this.send(e,s,n,i)),r.status===401&&i&&this.forget(),!r.ok)throw await Rn(r);if(r.status===204)return;const a=await r.text();return a?JSON.parse(a):void 0}async send(e,s,n,i){const r={Accept:"application/json","Accept-Language":O()};n!==void 0&&(r["Content-Type"]="application/json"),i&&this.tokens&&(r.Authorization=`Bearer ${this.tokens.access_token}`);try{const a=await fetch(s,{method:e,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return this.setReachable(!0),a}catch{throw this.setReachable(!1),new J(0,"offline",o("error.offline"))}}setReachable(e){e!==this.reachable&&(this.reachable=e,this.dispatchEvent(new Event("reachability")))}}async function Rn(t){try{const e=await t.json(),s=e.message??(typeof e.detail=="string"?e.detail:null);return new J(t.status,e.code??"error",s??o("error.generic",{status:t.status}),e.detail??null)}catch{return new J(t.status,"error",o("error.generic",{status:t.status}))}}const m=new zn;function _(t){return t instanceof Error?t.message:String(t)}const Nt="orbithub.cache.";function ut(t,e){try{localStorage.setItem(Nt+t,JSON.stringify(e))}catch{}}function We(t){try{return JSON.parse(localStorage.getItem(Nt+t)??"null")}catch{return null}}function Un(){for(const t of Object.keys(localStorage))t.startsWith(Nt)&&localStorage.removeItem(t)}const zs="orbithub.companion",ht="orbithub.companion.phone",Mn=6e4;let Me=null,rs=0;function Rs(){return localStorage.getItem(zs)==="on"}async function Nn(t){localStorage.setItem(zs,t?"on":"off"),t?await Us():jt()}async function Us(){if(!Rs()||Me!==null)return;const t=await qn(),e=await as();if(!("geolocation"in navigator)){e&&await wt(t,{battery:e});return}Me=navigator.geolocation.watchPosition(s=>{const n=Date.now();if(n-rs<Mn)return;rs=n;const{latitude:i,longitude:r,accuracy:a,speed:d}=s.coords;as().then(u=>wt(t,{location:{latitude:i,longitude:r,accuracy:a,speed:d},...u?{battery:u}:{}}))},()=>{e&&wt(t,{battery:e})},{enableHighAccuracy:!1,maximumAge:6e4})}function jn(){jt(),localStorage.removeItem(ht)}function jt(){Me!==null&&navigator.geolocation.clearWatch(Me),Me=null}async function qn(){const t=JSON.parse(localStorage.getItem(ht)??"null");if(t)return t;const e=navigator.userAgent.includes("Mobile")?"Phone (web app)":"Browser (web app)",s=await m.request("POST","/api/companion/register",{name:e});return localStorage.setItem(ht,JSON.stringify(s)),s}async function as(){const t=navigator;if(!t.getBattery)return null;try{const e=await t.getBattery();return{level:Math.round(e.level*100),charging:e.charging}}catch{return null}}async function wt(t,e){(await fetch("/api/companion/report",{method:"POST",headers:{"Content-Type":"application/json",Authorization:`Bearer ${t.token}`},body:JSON.stringify({...e,time:Date.now()/1e3})}).catch(()=>null))?.status===401&&(localStorage.removeItem(ht),jt())}const Ms="orbithub.favourites.",pt=new EventTarget;let Ze="";function os(t){Ze=t,pt.dispatchEvent(new Event("change"))}function qt(){if(!Ze)return[];try{const t=JSON.parse(localStorage.getItem(Ms+Ze)??"[]");return Array.isArray(t)?t.filter(e=>typeof e=="string"):[]}catch{return[]}}function cs(t){return qt().includes(t)}function Hn(t,e){if(!Ze)return;const s=qt().filter(n=>n!==t);e&&s.push(t);try{localStorage.setItem(Ms+Ze,JSON.stringify(s))}catch{}pt.dispatchEvent(new Event("change"))}function Ns(t){return pt.addEventListener("change",t),()=>pt.removeEventListener("change",t)}class Bn extends EventTarget{constructor(){super(...arguments),this.devices=new Map,this.specs=new Map}get(e){return this.devices.get(e)}all(){return[...this.devices.values()]}put(e){for(const s of e){const n=this.devices.get(s.id);this.devices.set(s.id,{...s,spec:s.spec??n?.spec}),s.spec&&this.specs.set(s.id,Promise.resolve(s.spec))}this.changed()}setValue(e,s,n,i){const r=this.devices.get(e);if(!r)return;const a={...r.state,[s]:{...r.state[s],value:n,last_changed:i}};this.devices.set(e,{...r,state:a}),this.changed()}setOnline(e,s){const n=this.devices.get(e);n&&(this.devices.set(e,{...n,online:s}),this.changed())}spec(e){let s=this.specs.get(e);return s||(s=m.get(`/api/devices/${encodeURIComponent(e)}`).then(n=>(this.put([n]),n.spec??null)).catch(()=>(this.specs.delete(e),null)),this.specs.set(e,s)),s}clear(){this.devices.clear(),this.specs.clear(),this.changed()}changed(){this.dispatchEvent(new Event("change"))}}const w=new Bn,Fn=500,Wn=3e4,Zn=new Set([1008,4001,4401,4403]);class Vn extends EventTarget{constructor(){super(),this.status="offline",this.socket=null,this.subscription={},this.lastSeq=null,this.epoch=null,this.attempts=0,this.running=!1,m.addEventListener("tokens",()=>{const e=m.accessToken;e&&this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"auth",token:e}))})}start(){this.running||(this.running=!0,this.connect())}stop(){this.running=!1,window.clearTimeout(this.timer),this.socket?.close(1e3),this.socket=null,this.lastSeq=null,this.epoch=null,this.setStatus("offline")}follow(e){const s=JSON.stringify(e)===JSON.stringify(this.subscription);this.subscription=e,s||(this.lastSeq=null,this.sendSubscribe())}connect(){const e=m.accessToken;if(!this.running||!e)return;this.setStatus("connecting");const s=location.protocol==="https:"?"wss":"ws",n=new WebSocket(`${s}://${location.host}/api/ws`);this.socket=n,n.onopen=()=>{n.send(JSON.stringify({type:"auth",token:e})),this.sendSubscribe()},n.onmessage=i=>{let r;try{r=JSON.parse(String(i.data))}catch{return}this.attempts=0,this.setStatus("live"),this.handle(r)},n.onclose=i=>{this.socket===n&&(this.socket=null,this.setStatus("offline"),this.running&&(Zn.has(i.code)?m.refresh().then(r=>r&&this.schedule()):this.schedule()))}}schedule(){const e=Math.min(Wn,Fn*2**this.attempts);this.attempts+=1,window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>this.connect(),e/2+Math.random()*(e/2))}sendSubscribe(){this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"subscribe",spaces:this.subscription.spaces??[],rooms:this.subscription.rooms??[],devices:this.subscription.devices??[],since_seq:this.lastSeq,epoch:this.lastSeq===null?null:this.epoch}))}handle(e){switch(typeof e.epoch=="string"&&e.epoch!==this.epoch&&(this.epoch=e.epoch,this.lastSeq=null),typeof e.seq=="number"&&(this.lastSeq=Math.max(this.lastSeq??0,e.seq)),e.type){case"snapshot":typeof e.seq=="number"&&(this.lastSeq=e.seq),w.put(e.devices);break;case"changed":{const s=e;w.setValue(s.device_id,s.path,s.value,s.time);break}case"online":{const s=e;w.setOnline(s.device_id,s.online);break}case"resync":this.lastSeq=null;break}this.dispatchEvent(new CustomEvent("message",{detail:e}))}setStatus(e){e!==this.status&&(this.status=e,this.dispatchEvent(new Event("status")))}}const T=new Vn;class Gn extends EventTarget{constructor(){super(),this.wasLive=!1,this.last=!1;const e=()=>this.check();window.addEventListener("online",e),window.addEventListener("offline",e),m.addEventListener("reachability",e),m.addEventListener("signedout",()=>{this.wasLive=!1,this.check()}),T.addEventListener("status",()=>{T.status==="live"&&(this.wasLive=!0,m.setReachable(!0)),this.check()})}get stale(){return!navigator.onLine||!m.reachable||this.wasLive&&T.status!=="live"}check(){const e=this.stale;e!==this.last&&(this.last=e,this.dispatchEvent(new Event("change")))}}const ke=new Gn;class C extends Ue{constructor(){super(...arguments),this.watchesDevices=!1,this.stopLanguage=null,this.onStore=()=>this.requestUpdate()}connectedCallback(){super.connectedCallback(),this.stopLanguage=Ln(()=>this.requestUpdate()),this.watchesDevices&&(w.addEventListener("change",this.onStore),ke.addEventListener("change",this.onStore))}disconnectedCallback(){super.disconnectedCallback(),this.stopLanguage?.(),w.removeEventListener("change",this.onStore),ke.removeEventListener("change",this.onStore)}}const A=E`
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
`;var Kn=Object.defineProperty,Jn=Object.getOwnPropertyDescriptor,vt=(t,e,s,n)=>{for(var i=n>1?void 0:n?Jn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Kn(e,s,i),i};let Ce=class extends C{constructor(){super(...arguments),this.onboarding=null,this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),m.get("/api/onboarding").then(t=>this.onboarding=t.needed,t=>{this.onboarding=!1,this.error=_(t)})}render(){const t=this.onboarding===!0;return c`
      <section class="card">
        <h1>${o(t?"onboarding.title":"login.title")}</h1>
        ${t?c`<p>${o("onboarding.intro")}</p>`:l}
        <form @submit=${this.submit}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${t?c`<label>${o("onboarding.display_name")}<input type="text" name="display_name" autocomplete="name" /></label>`:l}
          <label>${o("login.password")}
            <input type="password" name="password" required autocomplete=${t?"new-password":"current-password"} /></label>
          <button class="primary" ?disabled=${this.busy||this.onboarding===null}>
            ${o(t?"onboarding.submit":"login.submit")}</button>
        </form>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
        <label>${o("settings.language")}
          <select @change=${e=>Ds(e.target.value)}>
            ${Is.map(e=>c`<option value=${e.code} ?selected=${e.code===O()}>${e.label}</option>`)}
          </select>
        </label>
      </section>
    `}async submit(t){t.preventDefault();const e=new FormData(t.target),s=String(e.get("username")??"").trim(),n=String(e.get("password")??"");this.busy=!0,this.error="";try{if(this.onboarding){const i=await m.request("POST","/api/onboarding",{username:s,password:n,display_name:String(e.get("display_name")||s),language:O()},!1);m.keep(i)}else await m.login(s,n);this.dispatchEvent(new CustomEvent("signedin",{bubbles:!0,composed:!0}))}catch(i){this.error=o("login.failed",{message:_(i)})}finally{this.busy=!1}}};Ce.styles=[A,E`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];vt([p()],Ce.prototype,"onboarding",2);vt([p()],Ce.prototype,"error",2);vt([p()],Ce.prototype,"busy",2);Ce=vt([k("orbit-login")],Ce);const Yn=new Set(["int8","int16","int32","int64","uint8","uint16","uint32","uint64","float"]);function js(t){const e=[];for(const s of t.services)for(const n of s.properties){const i=Xn(n);i&&e.push(i)}for(const s of t.services)for(const n of s.actions)n.in.length===0&&e.push({kind:"action",action:n});return e}function Xn(t){const e=t.access.includes("write"),s=t.access.includes("read");if(e&&t.values&&t.values.length>0)return{kind:"choice",prop:t,options:t.values};if(e&&t.format==="bool")return{kind:"toggle",prop:t};if(e&&Yn.has(t.format)&&t.range){const[n,i,r]=t.range;return{kind:"slider",prop:t,min:n,max:i,step:r>0?r:1}}return s?{kind:"readout",prop:t}:null}function Qn(t){const e=js(t).filter(s=>s.kind==="toggle").map(s=>s.prop);return e.find(s=>s.name==="on")??e[0]??null}function B(t){return Fe(t.name,t.description||t.name)}function D(t,e){if(e==null)return"–";if(t.values){const s=t.values.find(n=>n.value===e);if(s)return Fe(s.description,s.description)}if(typeof e=="boolean")return e?"✓":"✗";if(typeof e=="number"){const s=t.range?.[2]??.1,n=s>=1?0:Math.min(6,Math.ceil(-Math.log10(s))),i=Ee(t.unit);return`${v(e,n)}${i&&i!=="%"&&i!=="°C"&&i!=="°"?" ":""}${i}`}return String(e)}function Ne(t,e,s,n){const i=e+Math.round((t-e)/n)*n,r=Math.min(s,Math.max(e,i));return Number(r.toFixed(6))}const ei=["temperature-humidity-sensor.temperature","environment.temperature","thermostat.temperature"],ti=["temperature-humidity-sensor.relative-humidity","environment.relative-humidity","thermostat.relative-humidity"];function xe(t,e){return t.state[e]?.value}function qs(t,e){for(const s of e){const n=xe(t,s);if(typeof n=="number")return n}return null}function Y(t){return qs(t,ei)}function Ht(t){return qs(t,ti)}function Bt(t){for(const[e,s]of Object.entries(t.state))if(e.endsWith(".on")&&typeof s.value=="boolean")return s.value;return null}function St(t){const e=xe(t,"lock.locked");return typeof e=="boolean"?e:null}function Pt(t){const e=xe(t,"magnet-sensor.contact-state");return typeof e=="boolean"?!e:null}function _t(t,e){const s=Object.keys(t.state).find(n=>e.test(n));return s===void 0?void 0:t.state[s].value}function si(t){for(const e of t.spec?.services??[]){if(!/^(vacuum|charger)/.test(e.name))continue;const s=e.properties.find(i=>(i.name==="status"||i.name==="charging-state")&&i.values),n=s?t.state[s.path]?.value:void 0;if(s&&n!==void 0)return D(s,n)}return null}function Hs(t){if(!t.online)return o("device.unavailable");const e=St(t);if(e!==null)return o(e?"glance.locked":"glance.unlocked");const s=Pt(t);if(s!==null)return o(s?"glance.open":"glance.closed");const n=xe(t,"motion-sensor.motion-state");if(typeof n=="boolean")return o(n?"glance.motion":"glance.no_motion");const i=[],r=si(t),a=Bt(t);a!==null&&!(a&&r)&&i.push(o(a?"glance.on":"glance.off")),r&&i.push(r);const d=_t(t,/^light[^.]*\.brightness$/);a&&typeof d=="number"&&i.push(`${v(d,0)}%`);const u=_t(t,/\.current-position$/);typeof u=="number"&&i.push(o("glance.position",{value:v(u,0)}));const h=Y(t);h!==null&&i.push(`${v(h,1)}°C`);const g=Ht(t);g!==null&&a===null&&i.push(`${v(g,0)}%`);const f=_t(t,/\.pm2\.5-density$/);typeof f=="number"&&i.push(`PM2.5 ${v(f,0)}`);const y=xe(t,"battery.battery-level");(i.length===0||r)&&typeof y=="number"&&i.push(o("glance.battery",{value:v(y,0)}));const $=xe(t,"power-meter.electric-power");return typeof $=="number"&&$>=1&&i.push($>=1e3?`${v($/1e3,1)} kW`:`${v($,0)} W`),i.join(" · ")}const we={ATTRIBUTE:1,PROPERTY:3,BOOLEAN_ATTRIBUTE:4},ni=t=>(...e)=>({_$litDirective$:t,values:e});class ii{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,s,n){this._$Ct=e,this._$AM=s,this._$Ci=n}_$AS(e,s){return this.update(e,s)}update(e,s){return this.render(...s)}}const ri=t=>t.strings===void 0,ai={},oi=(t,e=ai)=>t._$AH=e;const At=ni(class extends ii{constructor(t){if(super(t),t.type!==we.PROPERTY&&t.type!==we.ATTRIBUTE&&t.type!==we.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!ri(t))throw Error("`live` bindings can only contain a single expression")}render(t){return t}update(t,[e]){if(e===j||e===l)return e;const s=t.element,n=t.name;if(t.type===we.PROPERTY){if(e===s[n])return j}else if(t.type===we.BOOLEAN_ATTRIBUTE){if(!!e===s.hasAttribute(n))return j}else if(t.type===we.ATTRIBUTE&&s.getAttribute(n)===e+"")return j;return oi(t),e}});var ci=Object.defineProperty,bt=(t,e,s,n)=>{for(var i=void 0,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(e,s,i)||i);return i&&ci(e,s,i),i};const li={unlock:"confirm.unlock",open:"confirm.open",disarm:"confirm.disarm"},di={unlock:"confirm.unlock_button",open:"confirm.open_button",disarm:"confirm.disarm_button"},Bs=E`
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
`;class Oe extends C{constructor(){super(...arguments),this.pending=null,this.error="",this.note="",this.confirming=null,this.watchesDevices=!0}feedback(e,s=""){return c`${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.note?c`<p class="muted ${s}" role="status">${this.note}</p>`:l}
      ${this.confirming?this.confirmation(this.confirming,e):l}`}confirmation(e,s){const n=o(li[e.verb],{name:s});return c`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${n}
      @keydown=${i=>i.key==="Escape"&&(this.confirming=null)}>
      <div>
        <p>${n}</p>
        <div class="row">
          <button @click=${()=>this.confirming=null}>${o("app.cancel")}</button>
          <button class="danger" autofocus @click=${()=>this.confirmCommand(e)}>${o(di[e.verb])}</button>
        </div>
      </div>
    </div>`}updated(){this.confirming&&this.renderRoot.querySelector(".confirm .danger")?.focus()}async confirmCommand(e){this.confirming=null,await this.run(e.key,e.device,()=>e.send(!0))}async write(e,s,n){const i=`/api/devices/${encodeURIComponent(e.id)}/properties/${encodeURIComponent(s.path)}`,r=async a=>{const d=await m.request("PUT",i,a?{value:n,confirm:a}:{value:n});return d.confirmed&&w.setValue(e.id,s.path,d.value??n),d};await this.run(s.path,e,()=>r(!1),{verb:ls(s.name,n),send:r})}async call(e,s){const n=`/api/devices/${encodeURIComponent(e.id)}/actions/${encodeURIComponent(s.path)}`,i=r=>m.request("POST",n,r?{arguments:{},confirm:r}:{arguments:{}});await this.run(s.path,e,()=>i(!1),{verb:ls(s.name,null),send:i})}async run(e,s,n,i){this.pending=e,this.error="",this.note="";try{const r=await n();r.confirmed||(this.note=r.message||o("device.not_confirmed",{name:s.name}))}catch(r){i&&r instanceof J&&r.status===409&&r.code==="confirmation_required"?this.confirming={key:e,device:s,...i}:(this.error=_(r),this.requestUpdate())}finally{this.pending=null}}}bt([p()],Oe.prototype,"pending");bt([p()],Oe.prototype,"error");bt([p()],Oe.prototype,"note");bt([p()],Oe.prototype,"confirming");function ls(t,e){return t==="locked"||t.includes("lock")?"unlock":t.includes("arm")||typeof e=="string"&&e.includes("disarm")?"disarm":"open"}function ot(t){return t.controllable&&t.online&&!ke.stale}var ui=Object.defineProperty,hi=Object.getOwnPropertyDescriptor,ve=(t,e,s,n)=>{for(var i=n>1?void 0:n?hi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&ui(e,s,i),i};let W=class extends Oe{constructor(){super(...arguments),this.deviceId="",this.full=!1,this.tile=!1,this.more=!1,this.omit=[],this.spec=null}willUpdate(t){t.has("deviceId")&&(this.spec=w.get(this.deviceId)?.spec??null,this.spec||w.spec(this.deviceId).then(e=>this.spec=e))}render(){const t=w.get(this.deviceId);if(!t)return l;const e=this.spec,s=e?Qn(e):null,n=s&&!this.omit.includes(s.path)?s:null;if(this.tile)return this.renderTile(t,s);const i=e?js(e).filter(d=>!(d.kind==="toggle"&&d.prop===s)&&!this.omit.includes(d.kind==="action"?d.action.path:d.prop.path)):[],r=this.full?i:i.filter(d=>(d.kind!=="readout"||pi(d.prop))&&!(d.kind==="action"&&n&&d.action.name==="toggle")),a=x(t.name,t.aliases);return this.more?r.length===0&&!n?l:c`<section class="card ${this.pending?"busy":""}" data-more aria-label=${o("kind.more")}>
        <h2>${o("kind.more")}</h2>
        ${r.filter(d=>d.kind!=="action").map(d=>this.control(t,d))}
        ${this.actions(t,r)}
        ${this.feedback(a)}
      </section>`:c`
      <section class="card ${this.pending?"busy":""}" data-device=${t.id} aria-label=${a}>
        <header>
          <span class="dot ${t.online?"":"off"}" title=${o(t.online?"device.online":"device.offline")}></span>
          <a href="#/device/${encodeURIComponent(t.id)}">
            <strong>${a}</strong>
            <span class="muted">${t.online?"":o("device.offline")}${t.controllable?"":` ${o("device.read_only")}`}${ke.stale?` ${o("device.stale")}`:""}</span>
          </a>
          ${n?this.toggle(t,n,a):l}
        </header>
        ${r.filter(d=>d.kind!=="action").map(d=>this.control(t,d))}
        ${this.actions(t,r)}
        ${this.feedback(a)}
      </section>
    `}renderTile(t,e){const s=x(t.name,t.aliases),n=[t.controllable?"":o("device.read_only"),ke.stale?o("device.stale"):""],i=[Hs(t),...n].filter(a=>a).join(" · "),r=`${t.online?Bt(t)?"on":"":"unavailable"} ${ke.stale?"stale":""}`;return c`<section class="tile ${r} ${this.pending?"busy":""}" data-device=${t.id} aria-label=${s}>
      <a href="#/device/${encodeURIComponent(t.id)}">
        <strong>${s}</strong>
        <span class="line" data-line>${i}</span>
      </a>
      ${e?this.toggle(t,e,s):l}
      ${this.feedback(s,"note")}
    </section>`}toggle(t,e,s){const n=t.state[e.path]?.value===!0;return c`<button
      role="switch"
      aria-checked=${n?"true":"false"}
      aria-label="${s}: ${B(e)}"
      data-path=${e.path}
      ?disabled=${!ot(t)||this.pending===e.path}
      @click=${()=>this.write(t,e,!n)}
    ></button>`}control(t,e){if(e.kind==="action")return l;const s=e.prop,n=t.state[s.path]?.value,i=B(s),r=!ot(t)||this.pending===s.path;switch(e.kind){case"toggle":return c`<div class="control"><div class="row">
          <span>${i}</span>${this.toggle(t,s,i)}
        </div></div>`;case"slider":{const a=typeof n=="number"?n:e.min,{min:d,max:u,step:h}=e;return c`<div class="control" data-path=${s.path}>
          <div class="row"><span>${i}</span><span class="value">${D(s,n)}</span></div>
          <div class="row">
            <button class="step" aria-label="${i}: ${o("device.decrease")}" ?disabled=${r||a<=d}
              @click=${()=>this.write(t,s,Ne(a-h,d,u,h))}>−</button>
            <input type="range" min=${d} max=${u} step=${h} .value=${At(String(a))}
              aria-label=${i} aria-valuetext=${D(s,n)} ?disabled=${r}
              @change=${g=>this.write(t,s,Ne(Number(g.target.value),d,u,h))} />
            <button class="step" aria-label="${i}: ${o("device.increase")}" ?disabled=${r||a>=u}
              @click=${()=>this.write(t,s,Ne(a+h,d,u,h))}>+</button>
          </div>
          ${this.full?c`<div class="row between muted"><span>${d}${Ee(s.unit)}</span><span>${u}${Ee(s.unit)}</span></div>`:l}
        </div>`}case"choice":return e.options.length>5?c`<div class="control" data-path=${s.path}><label>${i}
            <select ?disabled=${r} .value=${At(String(n??""))}
              @change=${a=>this.write(t,s,Number(a.target.value))}>
              ${e.options.map(a=>c`<option value=${a.value}>${D(s,a.value)}</option>`)}
            </select></label></div>`:c`<div class="control" data-path=${s.path}><span>${i}</span>
          <div class="segments" role="group" aria-label=${i}>
            ${e.options.map(a=>c`<button aria-pressed=${a.value===n?"true":"false"} ?disabled=${r}
                @click=${()=>this.write(t,s,a.value)}>${D(s,a.value)}</button>`)}
          </div></div>`;case"readout":return c`<div class="control row between" data-path=${s.path}>
          <span class="muted">${i}</span><span class="value">${D(s,n)}</span>
        </div>`}}actions(t,e){const s=e.filter(n=>n.kind==="action");return s.length===0?l:c`<div class="actions">
      ${s.map(({action:n})=>c`<button ?disabled=${!ot(t)||this.pending===n.path}
          @click=${()=>this.call(t,n)}>${B(n)}</button>`)}
    </div>`}};W.styles=[A,Bs,E`
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
      .tile.stale {
        opacity: 0.75;
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
    `];ve([b({attribute:"device-id"})],W.prototype,"deviceId",2);ve([b({type:Boolean})],W.prototype,"full",2);ve([b({type:Boolean,reflect:!0})],W.prototype,"tile",2);ve([b({type:Boolean})],W.prototype,"more",2);ve([b({attribute:!1})],W.prototype,"omit",2);ve([p()],W.prototype,"spec",2);W=ve([k("orbit-device-card")],W);function pi(t){return["temperature","relative-humidity","battery-level","electric-power","current-position","status","charging-state","range","door-state"].includes(t.name)}let Et=0,Fs=0;function Ws(t){Number.isFinite(t)&&(Et=t,Fs=Date.now()/1e3)}function Ct(){return Et===0?Date.now()/1e3:Et+(Date.now()/1e3-Fs)}var mi=Object.defineProperty,gi=Object.getOwnPropertyDescriptor,Ke=(t,e,s,n)=>{for(var i=n>1?void 0:n?gi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&mi(e,s,i),i};let ce=class extends C{constructor(){super(...arguments),this.spaceId="",this.summary=null,this.presence=null,this.car=null,this.watchesDevices=!0}willUpdate(t){t.has("spaceId")&&this.spaceId&&this.load()}async load(){const t=encodeURIComponent(this.spaceId),[e,s,n]=await Promise.all([m.get(`/api/summary?space_id=${t}`).catch(()=>We(`summary.${this.spaceId}`)),m.get("/api/presence").catch(()=>null),m.get("/api/vehicles").catch(()=>null)]);e&&(Ws(e.now),ut(`summary.${this.spaceId}`,e)),this.summary=e,this.presence=s,this.car=n?.[0]??null}render(){const t=w.all().filter(e=>e.space_id===this.spaceId);return c`<div class="glance" role="group" aria-label=${o("glance.title")} data-summary>
      ${this.people()} ${this.climate(t)} ${this.security(t)} ${this.energy()} ${this.vehicle()}
    </div>`}people(){const t=this.presence?.find(s=>s.space_id===this.spaceId);if(!t)return l;const e=t.people.map(s=>s.person.charAt(0).toUpperCase()+s.person.slice(1));return c`<div class="item" data-glance="people">
      <span>${o("glance.people")}</span><b>${e.length?e.join(", "):o("glance.nobody")}</b>
    </div>`}climate(t){const e=t.filter(d=>d.online&&d.type.includes("sensor")&&Y(d)!==null),s=e.length?e:t.filter(d=>d.online&&Y(d)!==null);if(s.length===0)return l;const n=d=>d.reduce((u,h)=>u+h,0)/d.length,i=n(s.map(d=>Y(d)??0)),r=s.map(Ht).filter(d=>d!==null),a=`${v(i,1)}°C${r.length?` · ${v(n(r),0)}%`:""}`;return c`<div class="item" data-glance="climate"><span>${o("glance.inside")}</span><b>${a}</b></div>`}security(t){const e=t.filter(d=>St(d)!==null),s=t.filter(d=>Pt(d)!==null);if(e.length===0&&s.length===0)return l;const n=e.filter(d=>St(d)===!1),i=s.filter(d=>Pt(d)===!0),r=[];n.length===0&&i.length===0?r.push(o(e.length?"glance.secure":"glance.doors_closed")):n.length?r.push(o("glance.unlocked_named",{names:n.map(d=>x(d.name,d.aliases)).join(", ")})):e.length&&r.push(o("glance.all_locked")),i.length&&r.push(o("glance.open_count",{count:i.length}));const a=n.length>0||i.length>0;return c`<div class="item ${a?"alert":""}" data-glance="security">
      <span>${o("glance.doors")}</span><b>${r.join(" · ")}</b>
    </div>`}energy(){const t=this.summary?.energy;if(!t)return l;let e=`${v(t.kwh,1)} kWh`;return t.cost!==null&&t.currency&&(e+=` · ${t.cost.toLocaleString(O(),{style:"currency",currency:t.currency})}`),c`<a class="item" href="#/energy" data-glance="energy"><span>${o("glance.energy")}</span><b>${e}</b></a>`}vehicle(){const t=this.car;if(!t||t.battery===null)return l;const e=[`${v(t.battery,0)}%`],s=t.places.find(n=>n.eta&&!n.inside);return s?.eta?e.push(o("glance.eta",{place:x(s.name),minutes:Math.max(1,Math.round(s.eta.seconds/60))})):t.charging.state==="charging"&&e.push(o("glance.charging")),c`<a class="item" href="#/space/${encodeURIComponent(t.id)}" data-glance="car">
      <span>${o("car.title")}</span><b>${e.join(" · ")}</b>
    </a>`}};ce.styles=[A,E`
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
    `];Ke([b({attribute:"space-id"})],ce.prototype,"spaceId",2);Ke([p()],ce.prototype,"summary",2);Ke([p()],ce.prototype,"presence",2);Ke([p()],ce.prototype,"car",2);ce=Ke([k("orbit-home-summary")],ce);var fi=Object.defineProperty,vi=Object.getOwnPropertyDescriptor,Te=(t,e,s,n)=>{for(var i=n>1?void 0:n?vi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&fi(e,s,i),i};let Q=class extends C{constructor(){super(...arguments),this.spaceId="",this.scenes=[],this.busy="",this.message="",this.error="",this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),m.get("/api/scenes").then(t=>this.scenes=t).catch(()=>null)}render(){const t=this.scenes.filter(e=>e.devices.some(s=>w.get(s)?.space_id===this.spaceId));return t.length===0?l:c`<div class="chips" role="group" aria-label=${o("scenes.title")}>
        ${t.map(e=>c`<button data-scene=${e.id} ?disabled=${this.busy!==""} @click=${()=>this.activate(e)}>
            ${x(e.name,e.aliases)}</button>`)}
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:l}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}`}async activate(t){this.busy=t.id,this.message="",this.error="";const e=x(t.name,t.aliases);try{const s=await m.request("POST",`/api/scenes/${encodeURIComponent(t.id)}/activate`);s.failed.length===0?this.message=o("scenes.done",{name:e}):this.error=o("scenes.partial",{name:e,count:s.failed.length,reason:s.failed[0].message})}catch(s){this.error=_(s)}finally{this.busy=""}}};Q.styles=[A,E`
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
    `];Te([b({attribute:"space-id"})],Q.prototype,"spaceId",2);Te([p()],Q.prototype,"scenes",2);Te([p()],Q.prototype,"busy",2);Te([p()],Q.prototype,"message",2);Te([p()],Q.prototype,"error",2);Q=Te([k("orbit-scene-bar")],Q);var bi=Object.defineProperty,yi=Object.getOwnPropertyDescriptor,Ie=(t,e,s,n)=>{for(var i=n>1?void 0:n?yi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&bi(e,s,i),i};let ds=!1,ee=class extends C{constructor(){super(...arguments),this.spaceId="",this.roomId="",this.answer=null,this.error="",this.busy=!1}render(){return ds?l:c`
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
                        @click=${()=>this.choose("all")}>${o("assistant.all")}</button>`:l}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${()=>this.choose("cancel")}>${o("assistant.cancel")}</button>
                </div>`:l}
          </div>`:l}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
    `}async choose(t){this.busy=!0,this.error="";try{this.answer=await m.request("POST","/api/assistant/choose",{choice:t,language:O()})}catch(e){this.error=_(e)}finally{this.busy=!1}}async ask(t){t.preventDefault();const s=t.target.elements.namedItem("text"),n=s.value.trim();if(n){this.busy=!0,this.error="";try{const i={...this.spaceId?{space_id:this.spaceId}:{},...this.roomId?{room_id:this.roomId}:{}};this.answer=await m.request("POST","/api/assistant/ask",{text:n,language:O(),...i}),s.value=""}catch(i){i instanceof J&&i.missing?(ds=!0,this.requestUpdate()):this.error=_(i)}finally{this.busy=!1}}}};ee.styles=[A,E`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `];Ie([b({attribute:!1})],ee.prototype,"spaceId",2);Ie([b({attribute:!1})],ee.prototype,"roomId",2);Ie([p()],ee.prototype,"answer",2);Ie([p()],ee.prototype,"error",2);Ie([p()],ee.prototype,"busy",2);ee=Ie([k("orbit-assistant-box")],ee);const $i=(function(){const e=typeof document<"u"&&document.createElement("link").relList;return e&&e.supports&&e.supports("modulepreload")?"modulepreload":"preload"})(),wi=function(t){return"/"+t},us={},mt=function(e,s,n){let i=Promise.resolve();if(s&&s.length>0){let h=function(g){return Promise.all(g.map(f=>Promise.resolve(f).then(y=>({status:"fulfilled",value:y}),y=>({status:"rejected",reason:y}))))};var a=h;document.getElementsByTagName("link");const d=document.querySelector("meta[property=csp-nonce]"),u=d?.nonce||d?.getAttribute("nonce");i=h(s.map(g=>{if(g=wi(g),g in us)return;us[g]=!0;const f=g.endsWith(".css"),y=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${g}"]${y}`))return;const $=document.createElement("link");if($.rel=f?"stylesheet":$i,f||($.as="script"),$.crossOrigin="",$.href=g,u&&$.setAttribute("nonce",u),document.head.appendChild($),f)return new Promise((L,P)=>{$.addEventListener("load",L),$.addEventListener("error",()=>P(new Error(`Unable to preload CSS for ${g}`)))})}))}function r(d){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=d,window.dispatchEvent(u),!u.defaultPrevented)throw d}return i.then(d=>{for(const u of d||[])u.status==="rejected"&&r(u.reason);return e().catch(r)})};var _i=Object.defineProperty,ki=Object.getOwnPropertyDescriptor,Je=(t,e,s,n)=>{for(var i=n>1?void 0:n?ki(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&_i(e,s,i),i};const xi="https://tile.openstreetmap.org/{z}/{x}/{y}.png",Si='© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';let le=class extends C{constructor(){super(...arguments),this.vehicleId="",this.spaces=[],this.latitude=0,this.longitude=0,this.map=null,this.car=null,this.track=null}render(){return c`<div class="map" data-map role="region" aria-label=${o("car.location")}></div>`}disconnectedCallback(){super.disconnectedCallback(),this.map?.remove(),this.map=null}async firstUpdated(){const t=this.renderRoot.querySelector(".map");if(!t)return;const e=await mt(()=>import("./leaflet-src-Byf149Wh.js").then(h=>h.l),[]),s=document.createElement("style");s.textContent=(await mt(async()=>{const{default:h}=await import("./leaflet-xBcqXExc.js");return{default:h}},[])).default,this.renderRoot.appendChild(s);const n=e.map(t,{attributionControl:!0}).setView([this.latitude,this.longitude],13);this.map=n;let i=0,r=0;e.tileLayer(xi,{maxZoom:19,attribution:Si}).on("tileload",()=>i+=1).on("tileerror",()=>{r+=1,i===0&&r>=2&&this.dispatchEvent(new Event("failed"))}).addTo(n);const a=e.latLngBounds([[this.latitude,this.longitude]]);for(const h of this.spaces)h.kind==="vehicle"||h.latitude===null||h.longitude===null||(a.extend([h.latitude,h.longitude]),e.circle([h.latitude,h.longitude],{radius:h.radius_m,color:"#1f6cc7",weight:2}).bindTooltip(x(h.name,h.aliases),{permanent:!0,direction:"right"}).addTo(n));this.car=e.circleMarker([this.latitude,this.longitude],{radius:8,color:"#fff",weight:2,fillColor:"#c23434",fillOpacity:1}).addTo(n),n.fitBounds(a,{padding:[30,30],maxZoom:15});const u=((await m.optional(`/api/vehicles/${encodeURIComponent(this.vehicleId)}/track`).catch(()=>null))?.points??[]).map(h=>[h.latitude,h.longitude]);this.map===n&&u.length>1&&(this.track=e.polyline(u,{color:"#1f6cc7",weight:4,className:"track"}).addTo(n),n.fitBounds(a.extend(this.track.getBounds()),{padding:[30,30],maxZoom:15}))}updated(t){(t.has("latitude")||t.has("longitude"))&&this.car&&(this.car.setLatLng([this.latitude,this.longitude]),this.track?.addLatLng([this.latitude,this.longitude]))}};le.styles=[A,E`
      .map {
        height: 240px;
        border-radius: 10px;
        overflow: hidden;
        z-index: 0;
      }
    `];Je([b({attribute:"vehicle-id"})],le.prototype,"vehicleId",2);Je([b({attribute:!1})],le.prototype,"spaces",2);Je([b({type:Number})],le.prototype,"latitude",2);Je([b({type:Number})],le.prototype,"longitude",2);le=Je([k("orbit-car-map")],le);var Pi=Object.defineProperty,Ai=Object.getOwnPropertyDescriptor,Ye=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ai(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Pi(e,s,i),i};let de=class extends C{constructor(){super(...arguments),this.vehicle=null,this.busy=!1,this.message="",this.error=""}render(){const t=this.vehicle,e=t?.charging.settings;if(!t||!e||t.controllable===!1)return l;const s=t.charging.limit_soc??e.limit_soc;return c`<form class="card" data-car="settings" @submit=${this.save}>
      <h3>${o("car.settings")}</h3>
      <div class="fields">
        <label>${o("car.target")}
          <input type="number" name="target" inputmode="numeric" min="10" max="100" step="1" required .value=${String(Math.round(e.target_soc))} /></label>
        <label>${o("car.departure")}
          <input type="time" name="departure" required .value=${e.departure_time??"07:30"} /></label>
        <label>${o("car.limit")}
          <input type="number" name="limit" inputmode="numeric" min="50" max="100" step="1" required .value=${String(Math.round(s))} /></label>
      </div>
      <p class="muted">${o("car.settings_hint")}</p>
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy}>${o("app.save")}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.precondition}>${o("car.precondition")}</button>
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:l}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
    </form>`}async save(t){t.preventDefault();const e=this.vehicle;if(!e)return;const s=new FormData(t.target),n=Number(s.get("target")),i=Number(s.get("limit"));if(n>i){this.message="",this.error=o("car.target_over_limit",{target:n,limit:i});return}await this.run(async()=>{await m.request("PUT",`/api/vehicles/${encodeURIComponent(e.id)}/charging`,{target_soc:n,departure_time:String(s.get("departure")),limit:i}),this.message=o("car.saved"),this.dispatchEvent(new Event("changed"))})}async precondition(){const t=this.vehicle;t&&await this.run(async()=>{const e=await m.request("POST",`/api/vehicles/${encodeURIComponent(t.id)}/precondition`);this.message=e.confirmed?o("car.preconditioning",{temperature:e.target_temperature}):e.message})}async run(t){this.busy=!0,this.message="",this.error="";try{await t()}catch(e){this.error=_(e)}finally{this.busy=!1}}};de.styles=[A,E`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
        gap: 0.5rem;
      }
      .fields label {
        margin: 0;
        font-size: 0.85rem;
      }
      input {
        width: 100%;
        padding: 0.5rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
        margin-top: 0.2rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
    `];Ye([b({attribute:!1})],de.prototype,"vehicle",2);Ye([p()],de.prototype,"busy",2);Ye([p()],de.prototype,"message",2);Ye([p()],de.prototype,"error",2);de=Ye([k("orbit-charge-settings")],de);var Ei=Object.defineProperty,Ci=Object.getOwnPropertyDescriptor,Xe=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ci(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ei(e,s,i),i};const hs=["Disconnected","Plugged","Charging","Complete"];let ue=class extends C{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.vehicle=null,this.mapFailed=!1,this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),this.load()}load(){m.optional(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(t=>this.vehicle=t,()=>this.vehicle=null)}get zone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone}get car(){return w.all().find(t=>t.space_id===this.spaceId&&t.type==="vehicle")}render(){const t=this.car;if(!t)return l;const e=r=>{const a=t.state[r]?.value;return typeof a=="number"?a:void 0},s=e("battery.battery-level"),n=e("charging.charge-limit"),i=e("charging.charging-state");return c`
      <section class="card" aria-label=${o("car.title")}>
        <div class="stats">
          <div><div class="muted">${o("car.battery")}</div><div class="big" data-car="battery">${s===void 0?"–":`${v(s,0)}%`}</div></div>
          <div><div class="muted">${o("car.range")}</div><div class="big" data-car="range">${e("vehicle.range")===void 0?"–":`${v(e("vehicle.range")??0,0)} ${Ee("km")}`}</div></div>
          <div><div class="muted">${o("car.charging")}</div><div class="big" data-car="charging">${i===void 0?"–":Fe(hs[i]??"",hs[i]??String(i))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${o("car.battery")} ${s??""}% / ${o("car.limit")} ${n??""}%">
          <span style="width:${s??0}%"></span>${n!==void 0?c`<i style="left:${n}%"></i>`:l}
        </div>
        <div class="muted">${o("car.limit")}: ${n??"–"}%</div>
      </section>
      ${this.location(e("location.latitude"),e("location.longitude"))}
      ${this.plan()}
      <orbit-charge-settings .vehicle=${this.vehicle} @changed=${()=>this.load()}></orbit-charge-settings>
      <h2>${o("car.climate")}</h2>
    `}location(t,e){return t===void 0||e===void 0?l:!navigator.onLine||this.mapFailed?this.sketch(t,e):c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <orbit-car-map vehicle-id=${this.spaceId} .spaces=${this.spaces} .latitude=${t} .longitude=${e}
        @failed=${()=>this.mapFailed=!0}></orbit-car-map>
    </section>`}sketch(t,e){const s=this.spaces.find(S=>S.kind==="home"&&S.latitude!==null);if(t===void 0||e===void 0||!s||s.latitude===null||s.longitude===null)return l;const n=s.latitude,i=s.longitude,r=(S,Le)=>[(Le-i)*111.32*Math.cos(n*Math.PI/180),-(S-n)*110.57],a=this.spaces.filter(S=>S.kind!=="vehicle"&&S.latitude!==null&&S.longitude!==null).map(S=>({space:S,at:r(S.latitude??0,S.longitude??0)})),d=r(t,e),u=[d[0],...a.map(S=>S.at[0])],h=[d[1],...a.map(S=>S.at[1])],g=1,f=Math.min(...u)-g,y=Math.min(...h)-g,$=Math.max(Math.max(...u)-f+g,Math.max(...h)-y+g,2),L=320,P=200,U=Math.min(L,P)/$,$e=([S,Le])=>[(S-f)*U+(L-$*U)/2,(Le-y)*U],[Ys,Xs]=$e(d),Wt=Math.hypot(d[0],d[1]);return c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <svg data-map-sketch viewBox="0 0 ${L} ${P}" role="img" aria-label=${o("car.distance",{km:v(Wt,1)})}>
        ${a.map(({space:S,at:Le})=>{const[Zt,Vt]=$e(Le);return hn`<circle cx=${Zt} cy=${Vt} r=${Math.max(4,S.radius_m/1e3*U)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${Zt+7} y=${Vt-7}>${x(S.name,S.aliases)}</text>`})}
        <circle cx=${Ys} cy=${Xs} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${o("car.distance",{km:v(Wt,1)})}</div>
    </section>`}plan(){const t=this.vehicle;if(!t)return l;const e=t.charging?.plan??null,s=dt(),n=u=>u[s]??Object.values(u)[0]??"",i=t.charging?.plan_reason_text??null,r=i?n(i):t.charging?.plan_reason??null,a=(t.places??[]).filter(u=>u.eta&&!u.inside);if(!e&&!r&&a.length===0)return l;const d=e?n(e.explanation):"";return c`<section class="card" aria-label=${o("car.plan")} data-car="plan">
      ${e||r?c`<h3>${o("car.plan")}</h3>
            ${r?c`<p data-car="plan-reason">${r}</p>`:l}
            ${e?c`<p class="muted" data-car="plan-summary">${o("car.plan_line",{target:v(e.target_soc,0),time:X(e.departure,this.zone),cost:e.cost.toLocaleString(O(),{style:"currency",currency:e.currency})})}</p><p>${d}</p>`:l}`:l}
      ${a.length?c`<h3>${o("car.eta")}</h3>
            ${a.map(u=>{const h=this.spaces.find(y=>y.id===u.space_id),g=h?x(h.name,h.aliases):u.name,f=v((u.eta?.seconds??0)/60,0);return c`<div>${o("car.eta_line",{place:g,time:X(u.eta?.arrival??0,this.zone),minutes:f})}</div>`})}`:l}
    </section>`}};ue.styles=[A,E`
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
    `];Xe([b({attribute:"space-id"})],ue.prototype,"spaceId",2);Xe([b({attribute:!1})],ue.prototype,"spaces",2);Xe([p()],ue.prototype,"vehicle",2);Xe([p()],ue.prototype,"mapFailed",2);ue=Xe([k("orbit-car-panel")],ue);var Oi=Object.defineProperty,Ti=Object.getOwnPropertyDescriptor,be=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ti(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Oi(e,s,i),i};let Z=class extends C{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.room="",this.ids=[],this.error="",this.loading=!0,this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=Ns(()=>this.requestUpdate()),this.loadSpaces()}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("spaceId")&&this.spaces.length>0&&this.loadDevices()}get space(){return this.spaces.find(t=>t.id===this.spaceId)??this.spaces[0]}async loadSpaces(){try{this.spaces=await m.get("/api/spaces"),ut("spaces",this.spaces),this.error="",await this.loadDevices()}catch(t){this.fromCache(t)||(this.error=_(t)),this.loading=!1}}async loadDevices(){const t=this.space;if(!t){this.loading=!1;return}this.room="",this.loading=!0;try{const e=await m.get(`/api/devices?space_id=${encodeURIComponent(t.id)}`);w.put(e),ut(`devices.${t.id}`,e),this.ids=e.map(s=>s.id),T.follow({spaces:[t.id]}),this.error=""}catch(e){this.fromCache(e)||(this.error=_(e))}finally{this.loading=!1}}fromCache(t){if(!(t instanceof J)||t.status!==0)return!1;this.spaces.length===0&&(this.spaces=We("spaces")??[]);const e=this.space,s=e?We(`devices.${e.id}`):null;return s?(w.put(s),this.ids=s.map(n=>n.id),!0):!1}render(){const t=this.space,e=t?.kind==="home";return c`
      ${this.spaces.length>1?c`<nav class="chips space-tabs" aria-label=${o("nav.home")}>
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===t?.id?"true":"false"}
                @click=${()=>location.hash=`#/space/${encodeURIComponent(s.id)}`}>
                ${x(s.name,s.aliases)}</button>`)}
          </nav>`:l}
      ${t&&e?c`<orbit-home-summary space-id=${t.id}></orbit-home-summary>`:l}
      ${t?c`<orbit-scene-bar space-id=${t.id}></orbit-scene-bar>`:l}
      <orbit-assistant-box .spaceId=${t?.id??""} .roomId=${this.room}></orbit-assistant-box>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${t?this.body(t):this.loading?c`<p class="muted">${o("app.loading")}</p>`:c`<p>${o("spaces.empty")}</p>`}
    `}body(t){const e=this.ids.map(u=>w.get(u)).filter(u=>u!==void 0&&u.space_id===t.id),s=t.rooms.filter(u=>e.some(h=>h.room_id===u.id)),n=this.room?e.filter(u=>u.room_id===this.room):e,i=this.room?[]:qt().map(u=>e.find(h=>h.id===u)).filter(u=>u!==void 0),r=[...s.map(u=>({id:u.id,name:x(u.name,u.aliases)})),{id:"",name:o("spaces.no_room")}].map(u=>({...u,devices:n.filter(h=>(h.room_id??"")===u.id)})).filter(u=>u.devices.length>0),a=t.kind!=="vehicle",d=u=>c`<div class="grid ${a?"":"cards"}">
      ${u.map(h=>c`<orbit-device-card ?tile=${a} device-id=${h.id}></orbit-device-card>`)}
    </div>`;return c`
      ${t.kind==="vehicle"?c`<orbit-car-panel space-id=${t.id} .spaces=${this.spaces}></orbit-car-panel>`:l}
      ${s.length>1?c`<nav class="rooms" aria-label=${o("spaces.rooms_all")}>
            ${s.map(u=>this.roomTile(u,e.filter(h=>h.room_id===u.id)))}
          </nav>`:l}
      ${this.loading&&e.length===0?c`<p class="muted">${o("app.loading")}</p>`:l}
      ${!this.loading&&e.length===0?c`<p>${o("spaces.empty")}</p>`:l}
      ${i.length?c`<h2 data-favourites>${o("spaces.favourites")}</h2>${d(i)}`:l}
      ${r.map(u=>c`${r.length>1||u.id?c`<h2 data-room-heading=${u.id}>${u.name}</h2>`:l}${d(u.devices)}`)}
    `}roomTile(t,e){const s=x(t.name,t.aliases),n=e.filter(h=>h.online&&h.type.includes("sensor")).map(Y).filter(h=>h!==null),i=e.map(Y).filter(h=>h!==null),r=n[0]??i[0],a=e.filter(h=>h.online&&Bt(h)===!0).length,d=[r!==void 0?`${v(r,1)}°C`:"",a?o("spaces.on_count",{count:a}):o("spaces.all_off")].filter(h=>h),u=this.room===t.id;return c`<button data-room=${t.id} aria-pressed=${u?"true":"false"}
      aria-describedby="room-${t.id}" @click=${()=>this.room=u?"":t.id}>
      <b>${s}</b><span id="room-${t.id}" aria-hidden="true">${d.join(" · ")}</span>
    </button>`}};Z.styles=[A,E`
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
    `];be([b({attribute:"space-id"})],Z.prototype,"spaceId",2);be([p()],Z.prototype,"spaces",2);be([p()],Z.prototype,"room",2);be([p()],Z.prototype,"ids",2);be([p()],Z.prototype,"error",2);be([p()],Z.prototype,"loading",2);Z=be([k("orbit-spaces")],Z);var Ii=Object.defineProperty,Zs=(t,e,s,n)=>{for(var i=void 0,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(e,s,i)||i);return i&&Ii(e,s,i),i};const Li=E`
  .panel header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .big {
    font-size: 2.4rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    margin: 0.3rem 0;
  }
  .stepper {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1.2rem;
    margin: 0.6rem 0;
  }
  .stepper button {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    font-size: 1.6rem;
    padding: 0;
  }
  .beside {
    text-align: center;
  }
  .part {
    margin-top: 0.9rem;
  }
  .part > .row {
    justify-content: space-between;
  }
  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin-top: 0.3rem;
  }
  .segments button {
    flex: 1;
    min-height: 40px;
    padding: 0.3rem 0.5rem;
  }
  .segments button[aria-pressed='true'],
  .actions button.primary {
    background: var(--accent);
    color: #fff;
  }
  input[type='range'] {
    width: 100%;
    accent-color: var(--accent);
    min-height: 40px;
  }
  .ends {
    display: flex;
    justify-content: space-between;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    margin-top: 0.8rem;
  }
  .actions button {
    flex: 1;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.6rem;
    margin-top: 0.6rem;
  }
  .fact {
    background: var(--bg);
    border-radius: 10px;
    padding: 0.5rem 0.7rem;
  }
  .fact strong {
    display: block;
    font-size: 1.3rem;
    font-variant-numeric: tabular-nums;
  }
  [role='switch'] {
    width: 60px;
    min-height: 34px;
    height: 34px;
    padding: 3px;
    border-radius: 999px;
    background: var(--line);
    flex: none;
  }
  [role='switch']::after {
    content: '';
    display: block;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: #fff;
    transition: transform 0.15s;
  }
  [role='switch'][aria-checked='true'] {
    background: var(--accent);
  }
  [role='switch'][aria-checked='true']::after {
    transform: translateX(26px);
  }
`;class te extends Oe{constructor(){super(...arguments),this.deviceId="",this.kind=null}static{this.styles=[A,Bs,Li]}get device(){return w.get(this.deviceId)}value(e){return e?this.device?.state[e.path]?.value:void 0}number(e){const s=this.value(e);return typeof s=="number"?s:null}busy(e){const s=this.device;return!s||!ot(s)||e!==void 0&&this.pending===e}nameOf(e){return x(e.name,e.aliases)}frame(e,s,n){const i=this.nameOf(e);return c`<section class="card panel" data-kind=${this.kind?.name??""} aria-label=${i}>
      <header><h2>${i}</h2>${s?this.powerSwitch(e,s,i):l}</header>
      ${n}
      ${this.feedback(i)}
    </section>`}powerSwitch(e,s,n){const i=this.value(s)===!0;return c`<button role="switch" aria-checked=${i?"true":"false"} aria-label="${n}: ${B(s)}"
      data-path=${s.path} ?disabled=${this.busy(s.path)} @click=${()=>this.write(e,s,!i)}></button>`}stepper(e,s){const[n,i,r]=s.range??[0,100,1],a=r>0?r:1,d=this.number(s)??n,u=B(s),h=this.busy(s.path),g=f=>this.write(e,s,Ne(d+f,n,i,a));return c`<div class="stepper" data-path=${s.path}>
      <button aria-label="${u}: ${o("device.decrease")}" ?disabled=${h||d<=n} @click=${()=>g(-a)}>−</button>
      <div class="beside"><div class="muted">${u}</div><div class="big value" data-value>${D(s,this.value(s))}</div></div>
      <button aria-label="${u}: ${o("device.increase")}" ?disabled=${h||d>=i} @click=${()=>g(a)}>+</button>
    </div>`}segments(e,s){const n=B(s),i=this.value(s),r=s.values??Di(s);return c`<div class="part" data-path=${s.path}><span>${n}</span>
      <div class="segments" role="group" aria-label=${n}>
        ${r.map(a=>c`<button aria-pressed=${a.value===i?"true":"false"} ?disabled=${this.busy(s.path)}
            @click=${()=>this.write(e,s,a.value)}>${D(s,a.value)}</button>`)}
      </div></div>`}slider(e,s,n){const[i,r,a]=s.range??[0,100,1],d=a>0?a:1,u=this.value(s),h=B(s),g=Ee(s.unit);return c`<div class="part" data-path=${s.path}>
      <div class="row"><label for="s-${s.path}">${h}</label><span class="value" data-value>${D(s,u)}</span></div>
      <input id="s-${s.path}" type="range" min=${i} max=${r} step=${d} .value=${At(String(typeof u=="number"?u:i))}
        aria-valuetext=${D(s,u)} ?disabled=${this.busy(s.path)}
        @change=${f=>this.write(e,s,Ne(Number(f.target.value),i,r,d))} />
      <div class="ends muted"><span>${n?.[0]??`${i}${g}`}</span><span>${n?.[1]??`${r}${g}`}</span></div>
    </div>`}button(e,s,n,i=!1){return s?c`<button class=${i?"primary":""} data-action=${s.path} ?disabled=${this.busy(s.path)}
      @click=${()=>this.call(e,s)}>${n}</button>`:l}fact(e,s,n=""){return c`<div class="fact" data-fact=${n}><span class="muted">${e}</span><strong>${s}</strong></div>`}}Zs([b({attribute:"device-id"})],te.prototype,"deviceId");Zs([b({attribute:!1})],te.prototype,"kind");function Di(t){const[e,s,n]=t.range??[0,0,1],i=[];for(let r=e;r<=s&&i.length<10;r+=n>0?n:1)i.push({value:r,description:String(r)});return i}var zi=Object.defineProperty,Ri=Object.getOwnPropertyDescriptor,Vs=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ri(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&zi(e,s,i),i};let Ot=class extends te{constructor(){super(...arguments),this.start=null,this.asked=-1}render(){const t=this.device,e=this.kind?.props;if(!t||!e)return l;const s=this.value(e.status),n=s!==void 0&&e.status?.values?.find(d=>d.value===s)?.description==="Charging",i=this.value(e.plugged),r=this.number(e.power),a=this.session();return this.frame(t,e.on,c`<p class="big" data-state>${o(n?"glance.charging":"kind.not_charging")}</p>
        ${e.status&&!n&&s!==void 0?c`<p class="muted">${D(e.status,s)}</p>`:l}
        <div class="facts">
          ${typeof i=="boolean"?this.fact(o("kind.plug"),o(i?"kind.plugged":"kind.unplugged"),"plug"):l}
          ${r!==null?this.fact(o("kind.power"),Ui(r),"power"):l}
          ${a!==null?this.fact(o("kind.session"),`${v(a,1)} kWh`,"session"):l}
        </div>`)}session(){const t=this.kind?.props,e=t?.plugged?this.device?.state[t.plugged.path]:void 0,s=this.number(t?.meter);return!t?.meter||e?.value!==!0||e.last_changed===void 0||s===null?null:(this.asked!==e.last_changed&&(this.asked=e.last_changed,this.loadStart(t.meter.path,e.last_changed)),this.start&&this.start.since===e.last_changed?Math.max(0,s-this.start.kwh):null)}async loadStart(t,e){const s=`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(t)}?since=${Math.floor(e)}&buckets=1`,i=(await m.get(s).catch(()=>null))?.points.find(a=>a.value!==null),r=i?i.min??i.value:null;r!=null&&(this.start={since:e,kwh:r})}};Vs([p()],Ot.prototype,"start",2);Ot=Vs([k("orbit-charger-panel")],Ot);function Ui(t){return t>=1e3?`${v(t/1e3,1)} kW`:`${v(t,0)} W`}var Mi=Object.getOwnPropertyDescriptor,Ni=(t,e,s,n)=>{for(var i=n>1?void 0:n?Mi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(i)||i);return i};let ps=class extends te{render(){const t=this.device,e=this.kind?.props;if(!t||!e?.target)return l;const s=e.on?this.value(e.on)!==!1:!0;return this.frame(t,e.on,c`${this.stepper(t,e.target)}
        <p class="beside muted" data-room>${this.room(t)}</p>
        ${s?l:c`<p class="beside muted">${o("kind.climate_off")}</p>`}
        ${e.mode?this.segments(t,e.mode):l}
        ${e.fan?this.segments(t,e.fan):l}`)}room(t){const e=this.kind?.props,s=this.number(e?.temperature),n=s===null&&t.room_id?w.all().find(d=>d.room_id===t.room_id&&Y(d)!==null):void 0,i=s??(n?Y(n):null);if(i===null)return"";const r=this.number(e?.humidity)??(n?Ht(n):null),a=`${v(i,1)}°C${r!==null?` · ${v(r,0)}%`:""}`;return o("kind.room_now",{reading:a})}};ps=Ni([k("orbit-climate-panel")],ps);var ji=Object.getOwnPropertyDescriptor,qi=(t,e,s,n)=>{for(var i=n>1?void 0:n?ji(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(i)||i);return i};const Hi={open:/^open|up$/i,stop:/^(stop|pause)/i,close:/^clos|down$/i};let ms=class extends te{render(){const t=this.device,e=this.kind?.props;if(!t||!e)return l;const s=this.number(e.position??e.setPosition);return this.frame(t,void 0,c`<p class="big" data-state>${s===null?"–":this.words(s)}</p>
        ${this.moving(s)}
        ${e.motor?this.motor(t,e.motor):l}
        ${e.setPosition?this.slider(t,e.setPosition,[o("glance.closed"),o("glance.open")]):l}`)}moving(t){const e=this.kind?.props,s=e?.position&&e.setPosition?this.number(e.setPosition):null;return s===null||t===null||Math.abs(s-t)<1?l:c`<p class="muted" data-moving>${o("kind.moving",{value:v(s,0)})}</p>`}words(t){return t<=0?o("glance.closed"):t>=100?o("kind.fully_open"):o("glance.position",{value:v(t,0)})}motor(t,e){const s=i=>e.values?.find(r=>Hi[i].test(r.description))?.value,n=["open","stop","close"].map(i=>({word:i,value:s(i)}));return c`<div class="actions" role="group" aria-label=${o("kind.motor")}>
      ${n.map(({word:i,value:r})=>r===void 0?l:c`<button data-motor=${i} ?disabled=${this.busy(e.path)} @click=${()=>this.write(t,e,r)}>${o(`kind.${i}`)}</button>`)}
    </div>`}};ms=qi([k("orbit-cover-panel")],ms);const Qe=t=>t.access.includes("write"),Gs=t=>t.access.includes("read"),Bi=/^(u?int\d+|float)$/;function Ks(t){return t.services.flatMap(e=>e.properties.map(s=>({service:e.name,prop:s})))}function V(t,e,s=()=>!0){for(const n of e){const i=Ks(t).find(r=>r.prop.name===n&&s(r));if(i)return i}}function je(t,e){const s=t.services.flatMap(n=>n.actions).filter(n=>n.in.length===0);for(const n of e){const i=s.find(r=>r.name===n);if(i)return i}}const I=(t,e)=>V(t,e,s=>Gs(s.prop)&&!Qe(s.prop))?.prop,Se=(t,e,s,n)=>V(t,[s],i=>i.service===e&&n(i.prop))?.prop,Ft=t=>Qe(t)&&t.format==="bool",Ve=t=>Qe(t)&&Bi.test(t.format)&&t.range!==null,Tt=t=>Qe(t)&&(t.values?.length??0)>0;function Fi(t){return V(t,["locked","arming-mode"])?null:Wi(t)??Zi(t)??Vi(t)??Gi(t)??Ki(t)??Ji(t)}function Wi(t){const e=V(t,["target-temperature"],s=>Ve(s.prop)&&!/^water/.test(s.service));return e?{name:"climate",props:{target:e.prop,on:Se(t,e.service,"on",Ft),mode:Se(t,e.service,"mode",Tt),fan:V(t,["fan-level"],s=>Tt(s.prop)||Ve(s.prop))?.prop,temperature:I(t,["temperature"]),humidity:I(t,["relative-humidity"])},actions:{toggle:je(t,["toggle"])}}:null}function Zi(t){const e=t.services.find(n=>/^vacuum/.test(n.name)),s=je(t,["start-sweep","start-clean","start"]);return!e&&!s?null:{name:"vacuum",props:{status:V(t,["status"],n=>(n.prop.values?.length??0)>0&&(!e||n.service===e.name))?.prop,battery:I(t,["battery-level"]),area:I(t,["cleaned-area"])},actions:{start:s,pause:je(t,["pause-sweeping","stop-sweeping","pause","stop"]),dock:je(t,["return-to-dock","return-to-base","return-home"])}}}function Vi(t){const e=V(t,["charging-state"],i=>Gs(i.prop)),s=t.services.find(i=>/^charger/.test(i.name));if(!e&&!s)return null;const n=e?.service??s?.name??"";return{name:"charger",props:{status:e?.prop,on:Se(t,n,"on",Ft),plugged:I(t,["plugged"]),power:I(t,["electric-power"]),meter:I(t,["power-consumption"])},actions:{}}}function Gi(t){const e=I(t,["current-position"]),s=V(t,["target-position"],i=>Ve(i.prop))?.prop,n=V(t,["motor-control"],i=>Tt(i.prop))?.prop;return!e&&!s&&!n?null:{name:"cover",props:{position:e,setPosition:s,motor:n},actions:{}}}function Ki(t){const e=t.services.find(s=>/^light/.test(s.name)&&s.properties.some(n=>n.name==="on"||n.name==="brightness"));return e?{name:"light",props:{on:Se(t,e.name,"on",Ft),brightness:Se(t,e.name,"brightness",Ve),colour:Se(t,e.name,"color-temperature",Ve)},actions:{toggle:je(t,["toggle"])}}:null}function Ji(t){if(Ks(t).some(n=>Qe(n.prop)))return null;const e={temperature:I(t,["temperature"]),humidity:I(t,["relative-humidity"]),pm25:I(t,["pm2.5-density"]),contact:I(t,["contact-state"]),motion:I(t,["motion-state"]),illumination:I(t,["illumination"]),battery:I(t,["battery-level"])};return Object.entries(e).filter(([n,i])=>i&&n!=="battery").length?{name:"sensor",props:e,actions:{}}:null}function Yi(t){return[...Object.values(t.props).flatMap(e=>e?[e.path]:[]),...Object.values(t.actions).flatMap(e=>e?[e.path]:[])]}var Xi=Object.getOwnPropertyDescriptor,Qi=(t,e,s,n)=>{for(var i=n>1?void 0:n?Xi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(i)||i);return i};let gs=class extends te{render(){const t=this.device,e=this.kind?.props;if(!t||!e)return l;const s=e.on?this.value(e.on)===!0:null;return this.frame(t,e.on,c`<p class="big" data-state>${s===null?"":o(s?"glance.on":"glance.off")}</p>
        ${e.brightness?this.slider(t,e.brightness):l}
        ${e.colour?this.slider(t,e.colour,[o("kind.warm"),o("kind.cool")]):l}`)}};gs=Qi([k("orbit-light-panel")],gs);var er=Object.getOwnPropertyDescriptor,tr=(t,e,s,n)=>{for(var i=n>1?void 0:n?er(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(i)||i);return i};const fs=60,vs=3600,bs=86400;let ys=class extends te{constructor(){super(...arguments),this.timer=0}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>this.requestUpdate(),3e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.timer)}render(){const t=this.device,e=this.kind?.props;if(!t||!e)return l;const s=[],n=this.number(e.temperature);n!==null&&s.push(this.fact(o("kind.temperature"),`${v(n,1)}°C`,"temperature"));const i=this.number(e.humidity);i!==null&&s.push(this.fact(o("kind.humidity"),`${v(i,0)}%`,"humidity"));const r=this.number(e.pm25);r!==null&&s.push(this.fact("PM2.5",`${v(r,0)} µg/m³ · ${o(nr(r))}`,"pm25"));const a=this.value(e.contact);typeof a=="boolean"&&s.push(this.fact(o("kind.door"),o(a?"glance.closed":"glance.open"),"contact")),e.motion&&s.push(this.fact(o("kind.motion"),this.motion(),"motion"));const d=this.number(e.illumination);d!==null&&s.push(this.fact(o("kind.light_level"),`${v(d,0)} lx`,"illumination"));const u=this.number(e.battery);return this.frame(t,void 0,c`<div class="facts">${s}</div>
        ${u!==null?c`<p class="muted" data-battery>${o("glance.battery",{value:v(u,0)})}</p>`:l}`)}motion(){const t=this.kind?.props,e=t?.motion?this.device?.state[t.motion.path]:void 0;return e?.value===!0?o("glance.motion"):e?.last_changed===void 0?o("glance.no_motion"):o("kind.last_motion",{ago:sr(Ct()-e.last_changed)})}};ys=tr([k("orbit-sensor-panel")],ys);function sr(t){const e=new Intl.RelativeTimeFormat(O(),{numeric:"auto",style:"short"}),s=Math.max(0,t);return s<fs?e.format(0,"minute"):s<vs?e.format(-Math.round(s/fs),"minute"):s<bs?e.format(-Math.round(s/vs),"hour"):e.format(-Math.round(s/bs),"day")}function nr(t){return t<=35?"kind.air_good":t<=75?"kind.air_moderate":"kind.air_poor"}var ir=Object.defineProperty,rr=Object.getOwnPropertyDescriptor,et=(t,e,s,n)=>{for(var i=n>1?void 0:n?rr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&ir(e,s,i),i};let he=class extends C{constructor(){super(...arguments),this.deviceId="",this.timeZone=void 0,this.quiet=!1,this.last=null,this.watchesDevices=!0}willUpdate(t){t.has("deviceId")&&this.load()}async load(){const t=await m.get(`/api/events?device_id=${encodeURIComponent(this.deviceId)}&limit=20`).catch(()=>[]);this.last=t.find(e=>e.kind==="command")??null}render(){const t=w.get(this.deviceId);if(!t)return l;const e=this.last?.payload??{};return c`<div data-status>
      ${this.quiet?l:c`<p class="headline" data-headline>${Hs(t)}</p>`}
      ${this.last?c`<p class="muted" data-last>${o("device.last_command",{who:e.actor??o("activity.someone"),time:X(this.last.time,this.timeZone)})}</p>`:l}
    </div>`}};he.styles=[A,E`
      .headline {
        font-size: 1.4rem;
        font-weight: 600;
        margin: 0.2rem 0;
      }
    `];et([b({attribute:"device-id"})],he.prototype,"deviceId",2);et([b({attribute:!1})],he.prototype,"timeZone",2);et([b({type:Boolean})],he.prototype,"quiet",2);et([p()],he.prototype,"last",2);he=et([k("orbit-device-status")],he);var ar=Object.getOwnPropertyDescriptor,or=(t,e,s,n)=>{for(var i=n>1?void 0:n?ar(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=a(i)||i);return i};let $s=class extends te{render(){const t=this.device,e=this.kind;if(!t||!e)return l;const{props:s,actions:n}=e,i=this.number(s.battery),r=this.number(s.area);return this.frame(t,void 0,c`<p class="big" data-state>${s.status?D(s.status,this.value(s.status)):""}</p>
        <div class="facts">
          ${i!==null?this.fact(o("kind.battery"),`${v(i,0)}%`,"battery"):l}
          ${r!==null?this.fact(o("kind.cleaned"),`${v(r,1)} m²`,"area"):l}
        </div>
        <div class="actions">
          ${this.button(t,n.start,o("kind.start"),!0)}
          ${this.button(t,n.pause,o("kind.pause"))}
          ${this.button(t,n.dock,o("kind.dock"))}
        </div>`)}};$s=or([k("orbit-vacuum-panel")],$s);var cr=Object.defineProperty,lr=Object.getOwnPropertyDescriptor,se=(t,e,s,n)=>{for(var i=n>1?void 0:n?lr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&cr(e,s,i),i};const ws="#1f6cc7";let q=class extends C{constructor(){super(...arguments),this.deviceId="",this.prop=null,this.label="",this.range=86400,this.timeZone="",this.history=null,this.error="",this.plot=null}willUpdate(t){(t.has("range")||t.has("prop")||t.has("deviceId"))&&this.load()}disconnectedCallback(){super.disconnectedCallback(),this.plot?.destroy(),this.plot=null}get path(){return this.prop?.path??""}get window(){const t=this.history?.now??Ct();return[t-this.range,t]}async load(){if(!this.prop)return;const t=`since=${Math.floor(Ct()-this.range-60)}&buckets=120`;try{const e=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${t}`);e.now!==void 0&&Ws(e.now),this.history=e,this.error=""}catch(e){this.error=_(e)}}render(){const[t,e]=this.window,s=(this.history?.points??[]).filter(i=>i.time>=t),n=Ee(this.prop?.unit);return c`<section class="card" data-chart=${this.path} data-window-start=${Math.round(t)} data-window-end=${Math.round(e)}>
      <h3>${this.label}${n?` (${n})`:""}</h3>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.history&&s.length===0?c`<p class="muted">${o("device.no_history")}</p>`:l}
      <div class="plot ${this.prop?.format==="bool"?"timeline":""}" role="img" aria-label=${this.label}></div>
    </section>`}async updated(){const t=this.prop,[e,s]=this.window,n=(this.history?.points??[]).filter(P=>P.value!==null&&P.time>=e),i=this.renderRoot.querySelector(".plot");if(this.plot?.destroy(),this.plot=null,!i||!t||n.length===0)return;const{default:r}=await mt(async()=>{const{default:P}=await import("./uPlot.esm-CluHQUMV.js");return{default:P}},[]);await mt(()=>import("./uPlot.min-Bqv6YAmf.js"),[]).then(P=>{if(!this.renderRoot.querySelector("style[data-uplot]")){const U=document.createElement("style");U.dataset.uplot="",U.textContent=P.default,this.renderRoot.appendChild(U)}});const a=t.format==="bool",d=P=>typeof P=="boolean"?Number(P):P,u=n.map(P=>P.time),h=n.map(P=>d(P.value));a&&h.length>0&&(u.push(s),h.push(h[h.length-1]));const g=[u,h],f=this.timeZone||void 0,y=this.range>86400,$=new Intl.DateTimeFormat(O(),y?{month:"short",day:"numeric",timeZone:f}:{hour:"2-digit",minute:"2-digit",timeZone:f}),L=a?[-.1,1.1]:t.unit==="percentage"&&t.range?[t.range[0],t.range[1]]:null;this.plot?.destroy(),this.plot=new r({width:Math.max(240,i.clientWidth||320),height:a?110:160,legend:{show:!1},scales:{x:{time:!0,range:[e,s]},...L?{y:{range:L}}:{}},series:[{},a?{label:this.label,stroke:ws,width:2,fill:"rgba(31,108,199,0.15)",paths:r.paths.stepped?.({align:1})}:{label:this.label,stroke:ws,width:2,fill:"rgba(31,108,199,0.12)"}],axes:[{stroke:"#667085",values:(P,U)=>U.map($e=>$.format(new Date($e*1e3)))},a?{stroke:"#667085",size:52,splits:()=>[0,1],values:(P,U)=>U.map($e=>o($e?"glance.on":"glance.off"))}:{stroke:"#667085",size:56}]},g,i)}};q.styles=[A,E`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];se([b({attribute:"device-id"})],q.prototype,"deviceId",2);se([b({attribute:!1})],q.prototype,"prop",2);se([b()],q.prototype,"label",2);se([b({type:Number})],q.prototype,"range",2);se([b({attribute:"time-zone"})],q.prototype,"timeZone",2);se([p()],q.prototype,"history",2);se([p()],q.prototype,"error",2);q=se([k("orbit-history-chart")],q);var dr=Object.defineProperty,ur=Object.getOwnPropertyDescriptor,tt=(t,e,s,n)=>{for(var i=n>1?void 0:n?ur(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&dr(e,s,i),i};const _s=[{key:"range.hour",seconds:3600},{key:"range.day",seconds:86400},{key:"range.week",seconds:7*86400},{key:"range.month",seconds:30*86400}],hr=new Set(["int8","int16","int32","uint8","uint16","uint32","float","bool"]);let pe=class extends C{constructor(){super(...arguments),this.deviceId="",this.spec=null,this.range=_s[1].seconds,this.error="",this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=Ns(()=>this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("deviceId")&&this.load()}async load(){try{const t=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}`);w.put([t]),this.spec=t.spec??null,this.error="",T.follow({devices:[t.id]})}catch(t){this.error=t.status===404?o("device.not_found"):_(t)}}get zone(){const t=w.get(this.deviceId);return t?We("spaces")?.find(e=>e.id===t.space_id)?.timezone??"":""}pick(t){this.range=t}body(t){const e=this.deviceId,s=c`<orbit-device-status device-id=${e} .timeZone=${this.zone||void 0} ?quiet=${t!==null}></orbit-device-status>`;if(!t)return c`${s}<orbit-device-card device-id=${e} full></orbit-device-card>`;const n={climate:c`<orbit-climate-panel device-id=${e} .kind=${t}></orbit-climate-panel>`,light:c`<orbit-light-panel device-id=${e} .kind=${t}></orbit-light-panel>`,cover:c`<orbit-cover-panel device-id=${e} .kind=${t}></orbit-cover-panel>`,sensor:c`<orbit-sensor-panel device-id=${e} .kind=${t}></orbit-sensor-panel>`,vacuum:c`<orbit-vacuum-panel device-id=${e} .kind=${t}></orbit-vacuum-panel>`,charger:c`<orbit-charger-panel device-id=${e} .kind=${t}></orbit-charger-panel>`}[t.name];return c`${n}${s}<orbit-device-card device-id=${e} full more .omit=${Yi(t)}></orbit-device-card>`}render(){const t=w.get(this.deviceId),e=this.spec?this.spec.services.flatMap(n=>n.properties).filter(n=>gr(n,t)):[],s=this.zone;return c`
      <div class="row between top">
        <a class="back" href="#/">‹ ${o("device.back")}</a>
        ${this.spec?c`<button class="star" data-favourite aria-pressed=${cs(this.deviceId)?"true":"false"}
              @click=${()=>Hn(this.deviceId,!cs(this.deviceId))}>★ ${o("device.favourite")}</button>`:l}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.spec?this.body(Fi(this.spec)):l}
      ${e.length?c`<h2>${o("device.history")}</h2>
            <div class="chips" role="group" aria-label=${o("device.history")}>
              ${_s.map(n=>c`<button aria-pressed=${this.range===n.seconds?"true":"false"}
                  @click=${()=>this.pick(n.seconds)}>${o(n.key)}</button>`)}
            </div>
            ${e.map(n=>c`<orbit-history-chart device-id=${this.deviceId} .prop=${n} label=${B(n)}
                time-zone=${s} .range=${this.range}></orbit-history-chart>`)}`:l}
    `}};pe.styles=[A,E`
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
    `];tt([b({attribute:"device-id"})],pe.prototype,"deviceId",2);tt([p()],pe.prototype,"spec",2);tt([p()],pe.prototype,"range",2);tt([p()],pe.prototype,"error",2);pe=tt([k("orbit-device-page")],pe);const pr=new Set(["temperature","relative-humidity","pm2.5-density","electric-power","illumination","outside-temperature"]),mr=new Set(["battery-level","range","speed"]);function gr(t,e){return!t.access.includes("read")||!hr.has(t.format)||t.values?!1:e?.type==="vehicle"?mr.has(t.name):t.format==="bool"?!0:pr.has(t.name)&&!t.access.includes("write")}var fr=Object.defineProperty,vr=Object.getOwnPropertyDescriptor,M=(t,e,s,n)=>{for(var i=n>1?void 0:n?vr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&fr(e,s,i),i};const br={day:"energy.day",week:"energy.week",month:"energy.month"},yr=5;function rt(t,e){try{return t.toLocaleString(O(),{style:"currency",currency:e})}catch{return`${v(t,2)} ${e}`}}let z=class extends C{constructor(){super(...arguments),this.user=null,this.spaces=[],this.spaceId="",this.span="week",this.date="",this.energy=null,this.error="",this.unavailable=!1,this.price="",this.currency="CNY"}connectedCallback(){super.connectedCallback(),this.init()}async init(){try{this.spaces=(await m.get("/api/spaces")).filter(t=>t.kind!=="vehicle"),this.spaceId=this.spaces[0]?.id??"",await this.load()}catch(t){this.error=_(t)}}async load(){const t=new URLSearchParams({space_id:this.spaceId,span:this.span});this.date&&t.set("date",this.date);try{this.energy=await m.optional(`/api/energy?${t.toString()}`),this.unavailable=this.energy===null,this.error=""}catch(e){this.error=_(e)}}pick(t){"date"in t||(t.date=this.energy?.span?.current?"":this.energy?.span?.date??""),Object.assign(this,t),this.load()}async setTariff(t){t.preventDefault();const e=Number(this.price.replace(",",".")),s=this.spaces.find(n=>n.id===this.spaceId);try{await m.request("PUT",`/api/tariffs/${encodeURIComponent(this.spaceId)}`,{name:o("energy.flat_tariff"),timezone:s?.timezone??"UTC",currency:this.currency.trim().toUpperCase(),windows:[{start:"00:00",end:"24:00",price:e,name:"flat"}]}),this.price="",await this.load()}catch(n){this.error=_(n)}}render(){const t=this.energy,e=t?.span;return c`
      <h1>${o("energy.title")}</h1>
      ${this.spaces.length>1?c`<div class="chips">
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===this.spaceId?"true":"false"} @click=${()=>this.pick({spaceId:s.id})}>
                ${x(s.name,s.aliases)}</button>`)}
          </div>`:l}
      <div class="chips" role="group" aria-label=${o("energy.span")}>
        ${["day","week","month"].map(s=>c`<button aria-pressed=${s===this.span?"true":"false"} @click=${()=>this.pick({span:s})}>
            ${o(br[s])}</button>`)}
      </div>
      <div class="row nav">
        <button data-energy-earlier aria-label=${o("energy.earlier")} ?disabled=${!e}
          @click=${()=>e&&this.pick({date:e.previous})}>‹</button>
        <span data-energy-range>${e?this.rangeLabel(e.span,e.date):""}</span>
        <button data-energy-later aria-label=${o("energy.later")} ?disabled=${!e?.next}
          @click=${()=>e?.next&&this.pick({date:e.next})}>›</button>
      </div>
      ${e&&!e.current?c`<div class="row"><button data-energy-today @click=${()=>this.pick({date:""})}>${o("energy.today")}</button></div>`:l}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:l}
      ${t?this.body(t):l}
    `}body(t){const e=t.currency;return c`<section class="card" data-energy-summary>
        <div class="big" data-energy-total>${v(t.total,2)} ${t.unit}</div>
        ${t.cost!==null&&e?c`<div class="big" data-energy-cost>${rt(t.cost,e)}</div>
              ${t.tariff?c`<p class="muted" data-energy-tariff>${o("energy.priced_at",{tariff:t.tariff.name||t.tariff.currency})}</p>`:l}`:l}
      </section>
      ${t.no_tariff.length?this.noTariff():l} ${this.chart(t)}
      ${this.top(t)}
      ${this.rooms(t)}`}noTariff(){const t=this.user?.role==="owner"||this.user?.role==="adult";return c`<section class="card" data-no-tariff>
      <h2>${o("energy.no_tariff_title")}</h2>
      <p>${o("energy.no_tariff")}</p>
      ${t?c`<form @submit=${this.setTariff}>
            <label>${o("energy.price_per_kwh")}
              <input type="number" inputmode="decimal" min="0" max="1000" step="0.01" required name="price"
                .value=${this.price} @input=${e=>this.price=e.target.value} /></label>
            <label>${o("energy.currency")}
              <input type="text" required maxlength="3" name="currency" autocapitalize="characters"
                .value=${this.currency} @input=${e=>this.currency=e.target.value} /></label>
            <button class="primary" type="submit" data-set-tariff>${o("energy.set_tariff")}</button>
          </form>`:c`<p class="muted">${o("energy.no_tariff_ask")}</p>`}
    </section>`}rangeLabel(t,e){const s=new Date(`${e}T00:00:00Z`),n=a=>new Intl.DateTimeFormat(O(),{...a,timeZone:"UTC"});if(t==="day")return n({weekday:"short",month:"short",day:"numeric",year:"numeric"}).format(s);if(t==="month")return n({month:"long",year:"numeric"}).format(s);const i=new Date(s.getTime()+6*864e5),r=n({month:"short",day:"numeric"});return`${r.format(s)} – ${r.format(i)}`}timeZone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone??"UTC"}chart(t){const e=t.devices[0]?.series.map(h=>h.time)??[];if(e.length<2)return l;const s=e.map((h,g)=>t.devices.reduce((f,y)=>f+(y.series[g]?.value??0),0)),n=e.map((h,g)=>t.devices.reduce((f,y)=>f+(y.series[g]?.cost??0),0)),i=Math.max(1e-4,...s),r=t.period==="hour",a=new Intl.DateTimeFormat(O(),{...r?{hour:"2-digit",minute:"2-digit"}:{weekday:"short",month:"short",day:"numeric"},timeZone:this.timeZone()}),d=o(r?"energy.per_hour":"energy.per_day"),u=h=>`${a.format(new Date(e[h]*1e3))}: ${v(s[h],2)} ${t.unit}`+(t.currency&&t.cost!==null?` · ${rt(n[h],t.currency)}`:"");return c`<section class="card"><h2>${d}</h2>
      <div class="chart" role="img" aria-label=${d} data-energy-chart>
        ${s.map((h,g)=>c`<span style="height:${h/i*100}%" title=${u(g)}></span>`)}
      </div>
      <div class="row between muted"><span>${a.format(new Date(e[0]*1e3))}</span>
        <span>${a.format(new Date(e[e.length-1]*1e3))}</span></div>
    </section>`}top(t){const e=[...t.devices].filter(n=>n.total>0).sort((n,i)=>i.total-n.total),s=Math.max(1e-4,...e.map(n=>n.total));return c`<section class="card" data-energy-top><h2>${o("energy.top")}</h2>
      ${e.length===0?c`<p class="muted">${o("energy.nothing_used")}</p>`:l}
      <ul class="plain">
        ${e.slice(0,yr).map(n=>c`<li data-consumer=${n.id}>
            <div class="row between"><strong>${x(n.name,w.get(n.id)?.aliases??[])}</strong>
              <span>${Math.round(n.share*100)}%</span></div>
            <div class="row between muted"><span>${v(n.total,2)} ${t.unit}</span>
              <span data-consumer-cost>${n.cost!==null&&t.tariff?rt(n.cost,t.tariff.currency):""}</span></div>
            <div class="bar" style="width:${n.total/s*100}%"></div></li>`)}
      </ul></section>`}rooms(t){const e=[...t.rooms].sort((n,i)=>i.total-n.total),s=n=>this.spaces.flatMap(i=>i.rooms).find(i=>i.id===n)?.aliases??[];return c`<section class="card"><h2>${o("energy.by_room")}</h2>
      ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:l}
      <ul class="plain">
        ${e.map(n=>c`<li><div class="row between"><span>${x(n.name,s(n.id))}</span>
            <span>${v(n.total,2)} ${t.unit}${n.cost!==null&&t.tariff?` · ${rt(n.cost,t.tariff.currency)}`:""}</span></div></li>`)}
      </ul></section>`}};z.styles=[A,E`
      .chart {
        display: flex;
        align-items: flex-end;
        gap: 2px;
        height: 120px;
        margin: 0.5rem 0 0.25rem;
      }
      .chart span {
        flex: 1;
        background: var(--accent);
        border-radius: 3px 3px 0 0;
        min-height: 1px;
      }
      .nav {
        justify-content: space-between;
      }
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
      .big {
        font-size: 1.6rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
    `];M([b({attribute:!1})],z.prototype,"user",2);M([p()],z.prototype,"spaces",2);M([p()],z.prototype,"spaceId",2);M([p()],z.prototype,"span",2);M([p()],z.prototype,"date",2);M([p()],z.prototype,"energy",2);M([p()],z.prototype,"error",2);M([p()],z.prototype,"unavailable",2);M([p()],z.prototype,"price",2);M([p()],z.prototype,"currency",2);z=M([k("orbit-energy")],z);var $r=Object.defineProperty,wr=Object.getOwnPropertyDescriptor,st=(t,e,s,n)=>{for(var i=n>1?void 0:n?wr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&$r(e,s,i),i};let me=class extends C{constructor(){super(...arguments),this.watchesDevices=!0,this.tab="events",this.events=null,this.audit=null,this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.tab==="events"?(this.events=await m.optional("/api/events?limit=100")??[],await this.learnDevices(this.events)):this.audit=await m.optional("/api/audit?limit=100")??[],this.error=""}catch(t){this.error=_(t)}}async learnDevices(t){t.some(s=>s.device_id&&!w.get(s.device_id))&&w.put(await m.get("/api/devices"));const e=new Set(t.filter(s=>s.kind==="command"&&s.device_id).map(s=>s.device_id??""));await Promise.all([...e].map(s=>w.spec(s)))}render(){const t=this.tab==="events"?(this.events??[]).map(e=>({time:e.time,text:_r(e)})):(this.audit??[]).map(e=>({time:e.time,text:`${e.actor} · ${e.action} · ${e.target}`}));return c`
      <h1>${o("activity.title")}</h1>
      <div class="chips" role="group">
        ${["events","audit"].map(e=>c`<button aria-pressed=${e===this.tab?"true":"false"}
            @click=${()=>{this.tab=e,this.load()}}>${o(e==="events"?"activity.events":"activity.audit")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      <section class="card">
        ${t.length===0?c`<p class="muted">${o("app.none")}</p>`:l}
        <ul class="plain">
          ${t.map(e=>c`<li><div class="muted">${X(e.time)}</div><div>${e.text}</div></li>`)}
        </ul>
      </section>
    `}};me.styles=[A];st([p()],me.prototype,"tab",2);st([p()],me.prototype,"events",2);st([p()],me.prototype,"audit",2);st([p()],me.prototype,"error",2);me=st([k("orbit-activity")],me);function _r(t){const e=t.payload??{},s=Pr(t.device_id??""),n=t.space_id??"";switch(t.kind){case"online":return o(e.online===!1?"activity.offline":"activity.online",{device:s});case"command":{const i=typeof e.actor=="string"&&e.actor?e.actor:o("activity.someone"),r=kr(t.device_id,t.path),a=r?B(r):Fe(ze(t.path),ze(t.path)),d=e.arguments??{},u=ze(t.path);if(e.command==="set"&&u in d){const h=d[u],g=r&&Sr(h)?xr(r,h):JSON.stringify(h);return o("activity.command",{actor:i,device:s,property:a,value:g})}return o("activity.command_call",{actor:i,device:s,property:a})}case"zone":return o(e.entered?"activity.zone_enter":"activity.zone_leave",{device:s,space:n});case"presence":return o(e.present?"activity.arrived":"activity.left",{person:t.path??"",space:n});case"automation":return o("activity.automation",{id:t.path??"",outcome:[e.outcome,e.message].filter(Boolean).join(" · ")});case"event":return o("activity.event",{device:s,event:Fe(ze(t.path),ze(t.path))});default:return typeof t.message=="string"&&t.message?t.message:[t.kind??t.type,s,t.path].filter(Boolean).join(" · ")}}function kr(t,e){const s=t?w.get(t)?.spec:void 0;if(!s||!e)return null;for(const n of s.services){const i=n.properties.find(r=>r.path===e);if(i)return i}return null}function xr(t,e){return typeof e=="boolean"?o(e?"activity.on":"activity.off"):D(t,e)}function Sr(t){return["boolean","number","string"].includes(typeof t)}function Pr(t){const e=w.get(t);return e?x(e.name,e.aliases):t}function ze(t){return(t??"").split(".").pop()??""}var Ar=Object.defineProperty,Er=Object.getOwnPropertyDescriptor,nt=(t,e,s,n)=>{for(var i=n>1?void 0:n?Er(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ar(e,s,i),i};let ge=class extends C{constructor(){super(...arguments),this.notifications=null,this.alerts=null,this.suggestions=null,this.error="",this.onLive=t=>{const e=t.detail;if(e.type!=="notification")return;const s=e,n=typeof s.id=="number"||typeof s.id=="string"?s.id:`live-${Date.now()}`,i={id:n,time:typeof s.time=="number"?s.time:Date.now()/1e3,title:String(s.title??""),message:String(s.message??""),severity:typeof s.severity=="string"?s.severity:void 0,read:!1},r=new Set([String(n),...Array.isArray(s.replaces)?s.replaces.map(String):[]]);this.notifications=[i,...(this.notifications??[]).filter(a=>!r.has(String(a.id)))]}}connectedCallback(){super.connectedCallback(),T.addEventListener("message",this.onLive),this.load()}disconnectedCallback(){super.disconnectedCallback(),T.removeEventListener("message",this.onLive)}async load(){const t=i=>i.catch(r=>(this.error=_(r),null)),[e,s,n]=await Promise.all([t(m.optional("/api/notifications")),t(m.optional("/api/alerts")),t(m.optional("/api/suggestions"))]);this.notifications=e??this.notifications,this.alerts=s,this.suggestions=n}async act(t){try{await m.request("POST",t),await this.load()}catch(e){this.error=_(e)}}render(){return c`
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      <h1>${o("notifications.title")}</h1>
      <section class="card" data-section="notifications">
        ${this.notifications?.length?l:c`<p class="muted">${o("app.none")}</p>`}
        <ul class="plain">
          ${(this.notifications??[]).map(t=>c`<li data-notification=${String(t.id)}>
              <div class="row between"><strong>${t.title}</strong><span class="muted">${X(t.time)}</span></div>
              <div>${t.message}</div>
              ${t.read===!1&&!String(t.id).startsWith("live-")?c`<button @click=${()=>this.act(`/api/notifications/${encodeURIComponent(String(t.id))}/read`)}>
                    ${o("notifications.mark_read")}</button>`:l}
            </li>`)}
        </ul>
      </section>
      ${this.alerts?this.insights(o("insights.alerts"),this.alerts,"alerts",["dismiss"]):l}
      ${this.suggestions?this.insights(o("insights.suggestions"),this.suggestions,"suggestions",["accept","reject"]):l}
    `}insights(t,e,s,n){return c`<h2>${t}</h2>
      <section class="card" data-section=${s}>
        ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:l}
        <ul class="plain">
          ${e.map(i=>c`<li>
              <strong>${ks(i.title_en,i.title_zh)||i.id}</strong>
              <div>${ks(i.explanation_en??i.message_en,i.explanation_zh??i.message_zh)}</div>
              <div class="row">
                ${n.map(r=>c`<button @click=${()=>this.act(`/api/${s}/${encodeURIComponent(i.id)}/${r}`)}>
                    ${o(`insights.${r}`)}</button>`)}
              </div>
            </li>`)}
        </ul>
      </section>`}};ge.styles=[A];nt([p()],ge.prototype,"notifications",2);nt([p()],ge.prototype,"alerts",2);nt([p()],ge.prototype,"suggestions",2);nt([p()],ge.prototype,"error",2);ge=nt([k("orbit-inbox")],ge);function ks(t,e){return(dt()==="zh"?e||t:t||e)??""}var Cr=Object.defineProperty,Or=Object.getOwnPropertyDescriptor,ye=(t,e,s,n)=>{for(var i=n>1?void 0:n?Or(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Cr(e,s,i),i};let G=class extends C{constructor(){super(...arguments),this.automations=null,this.unavailable=!1,this.why={},this.error="",this.busy="",this.notes={}}connectedCallback(){super.connectedCallback(),m.optional("/api/automations").then(t=>{this.automations=t??[],this.unavailable=t===null},t=>this.error=_(t))}async explain(t){try{const e=dt(),s=await m.get(`/api/automations/${encodeURIComponent(t)}/why?lang=${e}`);this.why={...this.why,[t]:It(s)}}catch(e){this.why={...this.why,[t]:_(e)}}}async setEnabled(t,e){await this.act(t,async()=>{const s=await m.request("POST",`/api/automations/${encodeURIComponent(t.id)}/${e?"enable":"disable"}`);return this.automations=(this.automations??[]).map(n=>n.id===t.id?{...n,...s}:n),""})}async run(t){await this.act(t,async()=>{const e=await m.request("POST",`/api/automations/${encodeURIComponent(t.id)}/run?lang=${dt()}`);return e.started?o("automations.started"):o("automations.not_started",{reason:e.reason??""})})}async act(t,e){this.busy=t.id;try{this.notes={...this.notes,[t.id]:await e()}}catch(s){this.notes={...this.notes,[t.id]:_(s)}}finally{this.busy=""}}render(){return c`
      <h1>${o("automations.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:l}
      ${this.automations?.length===0&&!this.unavailable?c`<p class="muted">${o("app.none")}</p>`:l}
      ${(this.automations??[]).map(t=>c`<section class="card" data-automation=${t.id}>
          <div class="row between"><strong>${t.name??t.id}</strong>
            <button role="switch" aria-checked=${t.enabled===!1?"false":"true"} aria-label=${t.name??t.id}
              ?disabled=${this.busy===t.id} @click=${()=>this.setEnabled(t,t.enabled===!1)}></button></div>
          <p class="muted">${t.enabled===!1?`${o("automations.disabled")} · `:""}${Tr(t)}</p>
          <div class="buttons">
            <button ?disabled=${this.busy===t.id||t.enabled===!1} @click=${()=>this.run(t)}>${o("automations.run")}</button>
            <button @click=${()=>this.explain(t.id)}>${o("automations.why")}</button>
          </div>
          ${this.notes[t.id]?c`<p class="muted" role="status">${this.notes[t.id]}</p>`:l}
          ${this.why[t.id]!==void 0?c`<p data-why>${this.why[t.id]||o("automations.why_none")}</p>`:l}
        </section>`)}
    `}};G.styles=[A,E`
      [data-why] {
        white-space: pre-line;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
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
      .buttons {
        display: flex;
        gap: 0.5rem;
      }
    `];ye([p()],G.prototype,"automations",2);ye([p()],G.prototype,"unavailable",2);ye([p()],G.prototype,"why",2);ye([p()],G.prototype,"error",2);ye([p()],G.prototype,"busy",2);ye([p()],G.prototype,"notes",2);G=ye([k("orbit-automations")],G);function Tr(t){const e=t.last_run;return e?o("automations.last_run",{time:X(e.started),outcome:e.error?`${e.status} (${e.error})`:e.status}):o("automations.never")}function It(t){if(typeof t=="string")return t;if(Array.isArray(t))return[...t].reverse().slice(0,3).map(e=>e&&typeof e=="object"&&typeof e.time=="number"?`${X(e.time)}: ${It(e)}`:It(e)).join(`
`);if(t&&typeof t=="object"){const e=t;for(const s of["text","explanation","why","message","summary"])if(typeof e[s]=="string")return e[s]}return JSON.stringify(t)}var Ir=Object.defineProperty,Lr=Object.getOwnPropertyDescriptor,N=(t,e,s,n)=>{for(var i=n>1?void 0:n?Lr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Ir(e,s,i),i};const xs=["adult","child","guest","owner"];let R=class extends C{constructor(){super(...arguments),this.users=[],this.spaces=[],this.devices=[],this.removing="",this.revoking="",this.notice="",this.grants={},this.open="",this.grantSpace="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.users,this.spaces,this.devices]=await Promise.all([m.get("/api/users"),m.get("/api/spaces"),m.get("/api/devices")]),this.grantSpace||=this.spaces[0]?.id??"",this.error=""}catch(t){this.error=_(t)}}async loadGrants(t){if(this.open=this.open===t?"":t,!!this.open)try{this.grants={...this.grants,[t]:await m.get(`/api/users/${encodeURIComponent(t)}/grants`)}}catch(e){this.error=_(e)}}async guarded(t){try{await t(),this.error=""}catch(e){this.error=_(e)}}async create(t){t.preventDefault();const e=t.target,s=new FormData(e);await this.guarded(async()=>{await m.request("POST","/api/users",{username:s.get("username"),password:s.get("password"),display_name:s.get("display_name")||s.get("username"),role:s.get("role")}),e.reset(),await this.load()})}async grant(t,e){t.preventDefault();const s=new FormData(t.target),n=s.getAll("rooms").map(String),i=s.getAll("devices").map(String),r=String(s.get("expires")??"");await this.guarded(async()=>{await m.request("POST",`/api/users/${encodeURIComponent(e)}/grants`,{space_id:s.get("space"),room_ids:n.length?n:null,device_ids:i.length?i:null,expires_at:r?new Date(r).getTime()/1e3:null}),this.open="",await this.loadGrants(e)})}async revoke(t){this.revoking="",await this.guarded(async()=>{await m.request("DELETE",`/api/grants/${encodeURIComponent(t.id)}`),this.open="",await this.loadGrants(t.user_id)})}async setCounts(t,e){await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{counts_for_presence:e}),await this.load()})}async removeUser(t){this.removing="",await this.guarded(async()=>{await m.request("DELETE",`/api/users/${encodeURIComponent(t.id)}`),await this.load()})}async setRole(t,e){await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{role:e}),await this.load()})}async resetPassword(t,e){t.preventDefault();const s=t.target,n=String(new FormData(s).get("password")??"");await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(e.id)}`,{password:n}),s.reset(),this.notice=o("users.password_set",{name:e.display_name||e.username})})}name(t,e,s){if(e==="device"){const i=this.devices.find(r=>r.id===t);return i?x(i.name,i.aliases):t}const n=this.spaces.find(i=>i.id===s)?.rooms.find(i=>i.id===t);return n?x(n.name,n.aliases):t}render(){return c`
      <h1>${o("users.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      ${this.notice?c`<p class="muted" role="status">${this.notice}</p>`:l}
      ${this.users.map(t=>c`<section class="card" data-user=${t.username}>
          <div class="row between">
            <strong>${t.display_name||t.username}</strong><span class="muted">${t.username} · ${o(`users.role.${t.role}`)}</span>
          </div>
          ${t.role!=="owner"?c`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${t.counts_for_presence!==!1}
                  @change=${e=>this.setCounts(t,e.target.checked)} />
                <span>${o("users.counts_for_presence")}</span>
              </label>`:l}
          ${t.role!=="owner"?c`<label>${o("users.role")}
                <select name="role" .value=${t.role} @change=${e=>this.setRole(t,e.target.value)}>
                  ${xs.map(e=>c`<option value=${e} ?selected=${e===t.role}>${o(`users.role.${e}`)}</option>`)}
                </select></label>
              <form class="row" @submit=${e=>this.resetPassword(e,t)}>
                <label class="grow">${o("users.new_password")}
                  <input type="password" name="password" required minlength="8" autocomplete="new-password" /></label>
                <button>${o("users.reset_password")}</button>
              </form>`:l}
          <div class="row">
            <button @click=${()=>this.loadGrants(t.id)}>${o("users.grants")}</button>
            ${t.role!=="owner"&&this.removing!==t.id?c`<button @click=${()=>this.removing=t.id}>${o("users.delete")}</button>`:l}
          </div>
          ${this.removing===t.id?c`<div class="ask" role="alertdialog" aria-label=${o("users.delete_question",{name:t.display_name||t.username})}>
                <p>${o("users.delete_question",{name:t.display_name||t.username})}</p>
                <div class="row">
                  <button class="danger" @click=${()=>this.removeUser(t)}>${o("users.delete")}</button>
                  <button @click=${()=>this.removing=""}>${o("app.cancel")}</button>
                </div>
              </div>`:l}
          ${this.open===t.id?this.grantsOf(t):l}
        </section>`)}
      <section class="card">
        <h2>${o("users.create")}</h2>
        <form @submit=${this.create}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${o("users.display_name")}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${o("login.password")}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${o("users.role")}
            <select name="role">${xs.map(t=>c`<option value=${t}>${o(`users.role.${t}`)}</option>`)}</select>
          </label>
          <button class="primary">${o("users.create")}</button>
        </form>
      </section>
    `}grantsOf(t){const e=this.grants[t.id]??[],s=this.spaces.find(r=>r.id===this.grantSpace),n=r=>{const a=this.spaces.find(d=>d.id===r);return a?x(a.name,a.aliases):r},i=t.display_name||t.username;return c`
      <ul class="plain">
        ${e.map(r=>{const a=`${n(r.space_id)}: ${[...(r.room_ids??[]).map(u=>this.name(u,"room",r.space_id)),...(r.device_ids??[]).map(u=>this.name(u,"device",r.space_id))].join(", ")||o("users.whole_space")}`,d=o("users.revoke_question",{name:i,what:a});return c`<li data-grant=${r.id}>
            <div class="row between">
              <span>${a}
                <span class="muted">${r.expires_at?o("users.until",{time:X(r.expires_at)}):o("users.no_expiry")}</span></span>
              ${this.revoking!==r.id?c`<button @click=${()=>this.revoking=r.id}>${o("users.revoke")}</button>`:l}
            </div>
            ${this.revoking===r.id?c`<div class="ask" role="alertdialog" aria-label=${d}>
                  <p>${d}</p>
                  <div class="row">
                    <button class="danger" @click=${()=>this.revoke(r)}>${o("users.revoke")}</button>
                    <button @click=${()=>this.revoking=""}>${o("app.cancel")}</button>
                  </div>
                </div>`:l}
          </li>`})}
      </ul>
      <form @submit=${r=>this.grant(r,t.id)}>
        <label>${o("users.space")}
          <select name="space" @change=${r=>this.grantSpace=r.target.value}>
            ${this.spaces.map(r=>c`<option value=${r.id} ?selected=${r.id===this.grantSpace}>${x(r.name,r.aliases)}</option>`)}
          </select>
        </label>
        ${s?.rooms.length?c`<div class="checks"><div class="muted">${o("users.rooms")}</div>
              ${s.rooms.map(r=>c`<label><input type="checkbox" name="rooms" value=${r.id} />${x(r.name,r.aliases)}</label>`)}
            </div>`:l}
        ${this.devices.some(r=>r.space_id===s?.id)?c`<div class="checks"><div class="muted">${o("users.devices")}</div>
              ${this.devices.filter(r=>r.space_id===s?.id).map(r=>c`<label><input type="checkbox" name="devices" value=${r.id} />${x(r.name,r.aliases)}</label>`)}
            </div>`:l}
        <label>${o("users.expires")}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${o("users.grant")}</button>
      </form>
    `}};R.styles=[A,E`
      .checks label {
        display: inline-flex;
        gap: 0.3rem;
        margin-right: 0.8rem;
      }
      .grow {
        flex: 1;
      }
      form.row {
        align-items: flex-end;
      }
      form.row button {
        margin-bottom: 0.5rem;
      }
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .ask p {
        margin: 0 0 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `];N([p()],R.prototype,"users",2);N([p()],R.prototype,"spaces",2);N([p()],R.prototype,"devices",2);N([p()],R.prototype,"removing",2);N([p()],R.prototype,"revoking",2);N([p()],R.prototype,"notice",2);N([p()],R.prototype,"grants",2);N([p()],R.prototype,"open",2);N([p()],R.prototype,"grantSpace",2);N([p()],R.prototype,"error",2);R=N([k("orbit-users")],R);function Js(){return"serviceWorker"in navigator&&"PushManager"in window&&"Notification"in window}async function Dr(){if(!Js())return!1;const t=await m.optional("/api/push/key").catch(()=>null),e=t?.public_key??t?.key??t?.vapid_public_key;if(!e||await Notification.requestPermission()!=="granted")return!1;const s=await navigator.serviceWorker.ready,n=await s.pushManager.getSubscription()??await s.pushManager.subscribe({userVisibleOnly:!0,applicationServerKey:zr(e)});return await m.request("POST","/api/push/subscriptions",n.toJSON()),!0}function zr(t){const e=(t+"=".repeat((4-t.length%4)%4)).replace(/-/g,"+").replace(/_/g,"/"),s=atob(e),n=new Uint8Array(new ArrayBuffer(s.length));for(let i=0;i<s.length;i+=1)n[i]=s.charCodeAt(i);return n}var Rr=Object.defineProperty,Ur=Object.getOwnPropertyDescriptor,it=(t,e,s,n)=>{for(var i=n>1?void 0:n?Ur(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Rr(e,s,i),i};let fe=class extends C{constructor(){super(...arguments),this.user=null,this.companion=Rs(),this.push="",this.error=""}render(){const t=this.user;return c`
      <h1>${o("more.title")}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${o("automations.title")}</a></li>
          ${t?.role==="owner"?c`<li><a href="#/users">${o("users.title")}</a></li>`:l}
        </ul>
      </nav>
      <section class="card">
        <h2>${o("settings.title")}</h2>
        <label>${o("settings.language")}
          <select name="language" @change=${this.changeLanguage}>
            ${Is.map(e=>c`<option value=${e.code} ?selected=${e.code===O()}>${e.label}</option>`)}
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
            </label>`:l}
        <h3>${o("settings.push")}</h3>
        ${Js()?c`<button @click=${this.enablePush}>${o("settings.push_on")}</button>`:l}
        ${this.push?c`<p class="muted" role="status">${this.push}</p>`:l}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
      </section>
      <section class="card">
        ${t?c`<p>${o("settings.signed_in_as",{name:t.display_name||t.username,role:o(`users.role.${t.role}`)})}</p>`:l}
        <button @click=${()=>{m.logout()}}>${o("logout")}</button>
      </section>
    `}changeLanguage(t){const e=t.target.value;Ds(e),m.request("PATCH","/api/me",{language:e}).catch(()=>null)}async toggleSecurityNotices(t){const e=t.target;try{await m.request("PATCH","/api/me",{security_notices:e.checked}),this.user&&(this.user={...this.user,security_notices:e.checked}),this.error=""}catch(s){e.checked=!e.checked,this.error=_(s)}}async toggleCompanion(t){this.companion=t.target.checked;try{await Nn(this.companion),this.error=""}catch(e){this.error=_(e)}}async enablePush(){try{this.push=o(await Dr()?"settings.push_done":"settings.push_unavailable")}catch{this.push=o("settings.push_unavailable")}}};fe.styles=[A];it([b({attribute:!1})],fe.prototype,"user",2);it([p()],fe.prototype,"companion",2);it([p()],fe.prototype,"push",2);it([p()],fe.prototype,"error",2);fe=it([k("orbit-settings")],fe);var Mr=Object.defineProperty,Nr=Object.getOwnPropertyDescriptor,ne=(t,e,s,n)=>{for(var i=n>1?void 0:n?Nr(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(i=(n?a(e,s,i):a(i))||i);return n&&i&&Mr(e,s,i),i};const jr=[{route:"",key:"nav.home",icon:"⌂"},{route:"energy",key:"nav.energy",icon:"⚡"},{route:"activity",key:"nav.activity",icon:"☰"},{route:"inbox",key:"nav.alerts",icon:"✉"},{route:"more",key:"nav.more",icon:"⋯"}];let H=class extends C{constructor(){super(...arguments),this.route=location.hash,this.user=null,this.online=navigator.onLine,this.reachable=!0,this.error="",this.unseen=0,this.toast="",this.onHash=()=>{this.route=location.hash,this.parts[0]==="inbox"&&(this.unseen=0)},this.onNetwork=()=>{this.online=navigator.onLine,this.online&&m.signedIn&&(!this.user||!this.reachable)&&this.loadMe()},this.onSignedOut=()=>{this.user=null,T.stop(),jn(),w.clear(),Un()},this.onLiveStatus=()=>this.requestUpdate(),this.onLiveMessage=t=>{const e=t.detail;e.type==="notification"&&(this.parts[0]!=="inbox"&&(this.unseen+=1),this.toast=[e.title,e.message].filter(s=>typeof s=="string"&&s).join(": "),window.clearTimeout(this.toastTimer),this.toastTimer=window.setTimeout(()=>this.toast="",6e3))}}connectedCallback(){super.connectedCallback(),window.addEventListener("hashchange",this.onHash),window.addEventListener("online",this.onNetwork),window.addEventListener("offline",this.onNetwork),m.addEventListener("signedout",this.onSignedOut),m.addEventListener("reachability",this.onLiveStatus),T.addEventListener("status",this.onLiveStatus),T.addEventListener("message",this.onLiveMessage),m.signedIn&&this.loadMe()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("hashchange",this.onHash),window.removeEventListener("online",this.onNetwork),window.removeEventListener("offline",this.onNetwork),m.removeEventListener("signedout",this.onSignedOut),m.removeEventListener("reachability",this.onLiveStatus),T.removeEventListener("status",this.onLiveStatus),T.removeEventListener("message",this.onLiveMessage)}async loadMe(){try{const t=await m.get("/api/me");this.user=t.user,os(t.user.username),ut("me",t.user),this.reachable=!0,this.error="",t.user.language!==O()&&m.request("PATCH","/api/me",{language:O()}).catch(()=>null),T.start(),Us().catch(()=>null)}catch(t){this.reachable=t.status!==0,this.reachable?this.error=_(t):this.user??=We("me"),this.user&&os(this.user.username)}}render(){const t=!this.online||!this.reachable||!m.reachable,e=m.signedIn;return c`
      <header>
        <strong>${o("app.name")}</strong>
        <span class="status" data-live=${T.status}>
          ${t?o("device.offline"):e&&this.user?T.status==="live"?`● ${o("app.live")}`:o("app.reconnecting"):""}
        </span>
      </header>
      ${t?c`<div class="banner" role="status" data-offline>${o("app.offline")}
          <button @click=${()=>this.loadMe()}>${o("app.retry")}</button></div>`:l}
      <main>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:l}
        ${e?this.user?this.view(this.user):t?l:c`<p class="muted">${o("app.loading")}</p>`:t?l:c`<orbit-login @signedin=${()=>this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast?c`<div class="toast" role="status" data-toast @click=${()=>this.toast=""}>${this.toast}</div>`:l}
      ${e&&this.user?this.tabs():l}
    `}get parts(){return this.route.replace(/^#\/?/,"").split("/").map(decodeURIComponent)}view(t){const[e,s]=this.parts;switch(e){case"device":return c`<orbit-device-page device-id=${s??""}></orbit-device-page>`;case"energy":return c`<orbit-energy .user=${t}></orbit-energy>`;case"activity":return c`<orbit-activity></orbit-activity>`;case"inbox":return c`<orbit-inbox></orbit-inbox>`;case"automations":return c`<orbit-automations></orbit-automations>`;case"users":return t.role==="owner"?c`<orbit-users></orbit-users>`:c`<orbit-settings .user=${t}></orbit-settings>`;case"more":return c`<orbit-settings .user=${t}></orbit-settings>`;default:return c`<orbit-spaces space-id=${e==="space"?s??"":""}></orbit-spaces>`}}tabs(){const[t]=this.parts,e=t==="space"||t==="device"?"":t==="automations"||t==="users"?"more":t??"";return c`<nav class="tabs" aria-label=${o("app.name")} lang=${O()}>
      ${jr.map(s=>c`<a href="#/${s.route}" aria-current=${s.route===e?"page":"false"} data-tab=${s.route||"home"}>
          <span aria-hidden="true">${s.icon}</span>${o(s.key)}${s.route==="inbox"&&this.unseen?c` <b class="badge" data-unseen>${this.unseen}</b>`:l}</a>`)}
    </nav>`}};H.styles=[A,E`
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
    `];ne([p()],H.prototype,"route",2);ne([p()],H.prototype,"user",2);ne([p()],H.prototype,"online",2);ne([p()],H.prototype,"reachable",2);ne([p()],H.prototype,"error",2);ne([p()],H.prototype,"unseen",2);ne([p()],H.prototype,"toast",2);H=ne([k("orbit-app")],H);"serviceWorker"in navigator&&window.addEventListener("load",()=>{navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(()=>null)});
